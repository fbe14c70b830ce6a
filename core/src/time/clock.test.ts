import { describe, expect, it } from "vitest";
import { dayIn, instantIn, isTimeZone, localTimeIn } from "./clock";

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

  it("finds the instant of an hour on a local day", () => {
    expect(instantIn("Asia/Ho_Chi_Minh", "2026-12-15", 7).toISOString()).toBe("2026-12-15T00:00:00.000Z");
    expect(instantIn("Asia/Tokyo", "2026-12-15", 7).toISOString()).toBe("2026-12-14T22:00:00.000Z");
    // New York on the day summer time ends (01/11/2026), and in summer.
    expect(instantIn("America/New_York", "2026-11-01", 7).toISOString()).toBe("2026-11-01T12:00:00.000Z");
    expect(instantIn("America/New_York", "2026-07-01", 7).toISOString()).toBe("2026-07-01T11:00:00.000Z");
  });
});
