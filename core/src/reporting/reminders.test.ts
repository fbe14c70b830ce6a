import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_OFFSETS, dueReminders, reminderKind } from "./reminders";

describe("reminder schedule", () => {
  const due = "2025-03-15";
  const at = (today: string) =>
    dueReminders({ due, offsets: DEFAULT_REMINDER_OFFSETS, today }).map((r) => r.offset);

  it("sends 7, 3 and 1 days before, on the day and after", () => {
    expect(at("2025-03-07")).toEqual([]);
    expect(at("2025-03-08")).toEqual([-7]);
    expect(at("2025-03-12")).toEqual([-3]);
    expect(at("2025-03-14")).toEqual([-1, -3]);
    expect(at("2025-03-15")).toEqual([0, -1]);
    expect(at("2025-03-16")).toEqual([1, 0, -1]);
    expect(at("2025-03-30")).toEqual([]);
  });

  it("works across month ends and leap days", () => {
    expect(dueReminders({ due: "2024-03-01", offsets: [-1], today: "2024-02-29" })).toEqual([
      { offset: -1, sendOn: "2024-02-29", kind: "reminder" },
    ]);
  });

  it("names the kinds", () => {
    expect([reminderKind(-3), reminderKind(0), reminderKind(2)]).toEqual(["reminder", "dueToday", "overdue"]);
  });
});
