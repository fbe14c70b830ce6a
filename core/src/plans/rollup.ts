/**
 * Progress roll-up along a cascade: a unit's work on a province task is the mean of the tasks of its own
 * plan that implement it; a task's progress is the mean of its assignments' (lead units when there are,
 * since coordinating units help rather than deliver).
 */

export interface RollupAssignment {
  role: "lead" | "coordinating" | "requested";
  progress: number;
}

export function mean(values: number[]): number {
  if (values.length === 0) return 0;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** A task's progress from its active assignments. */
export function taskProgress(assignments: RollupAssignment[]): number {
  const leads = assignments.filter((a) => a.role === "lead");
  return mean((leads.length ? leads : assignments).map((a) => a.progress));
}

/**
 * A plan's progress: the mean of its tasks' (each already the mean of the units doing it), so a task
 * counts once however many units share it. A task nobody does yet counts as 0 %.
 */
export function planProgress(taskProgresses: number[]): number {
  return mean(taskProgresses);
}

/** A unit's progress on a parent task: the mean of the child tasks implementing it, else its own. */
export function assignmentProgress({ own, childTasks }: { own: number; childTasks: number[] }): number {
  return childTasks.length ? mean(childTasks) : own;
}
