import { describe, expect, it } from "vitest";
import { dayIn, isTimeZone, localTimeIn } from "./clock";

describe("the province's clock", () => {
  it("is already tomorrow in Vietnam at 00:30 local time, while UTC is still today", () => {
    const at = new Date("2026-12-14T17:30:00Z"); // 00:30 on 15/12 in Hanoi
    expect(at.toISOString().slice(0, 10)).toBe("2026-12-14");
    expect(dayIn("Asia/Ho_Chi_Minh", at)).toBe("2026-12-15");
    expect(localTimeIn("Asia/Ho_Chi_Minh", at)).toEqual({ day: "2026-12-15", hour: 0, minute: 30 });
  });

  it("is still today at 23:30 local time", () => {
    const at = new Date("2026-12-15T16:30:00Z"); // 23:30 on 15/12 in Hanoi
    expect(localTimeIn("Asia/Ho_Chi_Minh", at)).toEqual({ day: "2026-12-15", hour: 23, minute: 30 });
  });

  it("follows another configured zone", () => {
    expect(dayIn("UTC", new Date("2026-12-14T17:30:00Z"))).toBe("2026-12-14");
  });

  it("knows which zones exist", () => {
    expect(isTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
