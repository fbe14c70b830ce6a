/** Plans and tasks: pure rules shared by server and web (status, numbering, roll-up). */
export * from "./numbering";
export * from "./progress";
export * from "./rollup";
export * from "./status";
