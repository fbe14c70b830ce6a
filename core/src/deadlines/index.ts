/** Deadlines of plan tasks: model, parser, due dates, JSON contract and Vietnamese rendering. */

export { dueDate, type Period, periodOf } from "./deadline.due";
export { MAX_DEADLINE_TEXT_LENGTH, parseDeadline } from "./deadline.parse";
export { renderDeadline } from "./deadline.render";
export { deadlineToJson } from "./deadline.to-json";
export * from "./deadline.types";
