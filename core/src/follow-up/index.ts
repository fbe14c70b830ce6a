/** The follow-up core (remediation of findings, dialogue recommendations), inspections, dialogues and reform initiatives. Pure. */

export * from "./dialogues";
export * from "./initiatives";
export * from "./inspections";
export * from "./items";
