import { describe, expect, it } from "vitest";
import { parseDeadline } from "../deadlines";
import { depthOfNumber, numberStyleOf, numberTree, toRoman } from "./numbering";
import { assignmentProgress, taskProgress } from "./rollup";
import {
  classifyAssignment,
  classifyStatus,
  judgementDay,
  periodDue,
  reportingPeriods,
  workStatus,
} from "./status";

const TODAY = "2023-09-15";

describe("task status with a fixed clock", () => {
  it("classes one-off work: not started, in progress, overdue, on time, late", () => {
    const due = "2023-08-31";
    expect(classifyStatus({ due: "2023-12-31", completedAt: null, progress: 0, today: TODAY })).toBe(
      "notStarted",
    );
    expect(classifyStatus({ due: "2023-12-31", completedAt: null, progress: 30, today: TODAY })).toBe(
      "inProgress",
    );
    expect(classifyStatus({ due, completedAt: null, progress: 80, today: TODAY })).toBe("overdue");
    expect(classifyStatus({ due, completedAt: "2023-08-31", progress: 100, today: TODAY })).toBe(
      "completedOnTime",
    );
    expect(classifyStatus({ due, completedAt: "2023-09-01", progress: 100, today: TODAY })).toBe(
      "completedLate",
    );
    expect(classifyStatus({ due: null, completedAt: null, progress: 0, today: TODAY })).toBe("notStarted");
  });

  it("uses the deadline model: 'Trước ngày 31/8/2023' is overdue on 15/9, 'Quý IV/2023' is not", () => {
    const issued = "2023-06-08";
    const late = classifyAssignment({
      deadline: parseDeadline("Trước ngày 31/8/2023", { issued }),
      issued,
      completedAt: null,
      progress: 10,
      today: TODAY,
    });
    expect(late.status).toBe("overdue");
    const q4 = classifyAssignment({
      deadline: parseDeadline("Quý IV/2023", { issued }),
      issued,
      completedAt: null,
      progress: 10,
      today: TODAY,
    });
    expect(q4.status).toBe("inProgress");
  });

  it("judges recurring work per period: a monthly report missed in August is overdue", () => {
    const issued = "2023-06-08";
    const deadline = parseDeadline("Báo cáo kết quả hằng tháng", { issued });
    expect(deadline.kind).toBe("recurring");
    const periods = reportingPeriods({ deadline: deadline as never, issued });
    expect(periods[0].key).toBe("2023-M06");
    expect(periods.at(-1)?.key).toBe("2023-M12");
    const all = { "2023-M06": "2023-06-30", "2023-M07": "2023-07-28", "2023-M08": "2023-08-30" };
    expect(
      classifyAssignment({
        deadline,
        issued,
        completedAt: null,
        progress: 50,
        completedByPeriod: all,
        today: TODAY,
      }).status,
    ).toBe("inProgress");
    const missed = { "2023-M06": "2023-06-30", "2023-M07": "2023-07-28" };
    const judged = classifyAssignment({
      deadline,
      issued,
      completedAt: null,
      progress: 50,
      completedByPeriod: missed,
      today: TODAY,
    });
    expect(judged.status).toBe("overdue");
    expect(judged.periods.find((p) => p.key === "2023-M08")?.status).toBe("overdue");
  });

  it("judges 'Thường xuyên' quarterly with a due day of the 15th of the period's last month", () => {
    const issued = "2023-06-08";
    const periods = reportingPeriods({
      deadline: parseDeadline("Thường xuyên", { issued }) as never,
      issued,
      dueDay: 15,
    });
    expect(periods.map((p) => [p.key, p.due])).toEqual([
      ["2023-Q2", "2023-06-15"],
      ["2023-Q3", "2023-09-15"],
      ["2023-Q4", "2023-12-15"],
    ]);
  });
});

describe("numbering as in the document", () => {
  it("reads styles and depths", () => {
    expect(toRoman(4)).toBe("IV");
    expect(numberStyleOf("III")).toBe("roman");
    expect(numberStyleOf("2.1")).toBe("decimal");
    expect(depthOfNumber("2.1")).toBe(2);
    expect(depthOfNumber("a")).toBe(3);
    expect(depthOfNumber("-")).toBe(4);
  });

  it("numbers a tree: I, 1, 1.1, 2, II, 1", () => {
    const rows = [
      { id: "s1", parentId: null, kind: "section" as const },
      { id: "t1", parentId: "s1", kind: "task" as const },
      { id: "t11", parentId: "t1", kind: "task" as const },
      { id: "t2", parentId: "s1", kind: "task" as const },
      { id: "s2", parentId: null, kind: "section" as const },
      { id: "t3", parentId: "s2", kind: "task" as const },
    ];
    expect([...numberTree(rows).values()]).toEqual(["I", "1", "1.1", "2", "II", "1"]);
  });
});

describe("progress roll-up", () => {
  it("a task's progress is the mean of its leads' (coordinators help, they do not deliver)", () => {
    expect(
      taskProgress([
        { role: "lead", progress: 100 },
        { role: "lead", progress: 50 },
        { role: "coordinating", progress: 0 },
      ]),
    ).toBe(75);
    expect(taskProgress([{ role: "coordinating", progress: 40 }])).toBe(40);
    expect(taskProgress([])).toBe(0);
  });

  it("a unit's progress on a parent task is the mean of its own tasks implementing it", () => {
    expect(assignmentProgress({ own: 10, childTasks: [100, 50] })).toBe(75);
    expect(assignmentProgress({ own: 10, childTasks: [] })).toBe(10);
  });
});

describe("workStatus: the one status rule", () => {
  const facts = { recurring: false, completedAt: null, progress: 40 };
  it("judges a period's entry as of the period: due inside it and unfinished at its end is overdue", () => {
    const nov = { periodEnd: "2026-11-30", today: "2026-12-07" };
    expect(workStatus({ ...facts, due: "2026-11-30", ...nov })).toBe("overdue");
    expect(workStatus({ ...facts, due: "2026-12-31", ...nov })).toBe("inProgress");
    // While the period runs, today decides.
    expect(workStatus({ ...facts, due: "2026-11-30", periodEnd: "2026-11-30", today: "2026-11-20" })).toBe(
      "inProgress",
    );
    expect(workStatus({ ...facts, due: "2026-11-10", periodEnd: "2026-11-30", today: "2026-11-20" })).toBe(
      "overdue",
    );
  });

  it("never takes a class from the unit: a task due in 2025 finished in 2026 is late, not on time", () => {
    const done = { ...facts, progress: 100, completedAt: "2026-12-03" };
    expect(workStatus({ ...done, due: "2025-09-30", today: "2026-12-07", periodEnd: "2026-12-31" })).toBe(
      "completedLate",
    );
    expect(workStatus({ ...done, due: "2025-09-30", today: "2026-12-07" })).toBe("completedLate");
    // Carried into a new period unfinished, it is overdue, never "in progress within deadline".
    expect(workStatus({ ...facts, due: "2025-09-30", today: "2026-12-07", periodEnd: "2026-12-31" })).toBe(
      "overdue",
    );
  });

  it("judges recurring work per period: due at the period's end", () => {
    const monthly = { ...facts, recurring: true, due: "2026-12-31" };
    expect(workStatus({ ...monthly, periodEnd: "2026-10-31", today: "2026-12-07" })).toBe("overdue");
    expect(
      workStatus({
        ...monthly,
        progress: 100,
        completedAt: "2026-10-20",
        periodEnd: "2026-10-31",
        today: "2026-12-07",
      }),
    ).toBe("completedOnTime");
    expect(workStatus({ ...monthly, periodEnd: "2026-12-31", today: "2026-12-07" })).toBe("inProgress");
    expect(periodDue({ recurring: true, due: null }, "2026-10-31")).toBe("2026-10-31");
    expect(judgementDay("2026-12-07", "2026-11-30")).toBe("2026-12-01");
    expect(judgementDay("2026-11-07", "2026-11-30")).toBe("2026-11-07");
  });
});
