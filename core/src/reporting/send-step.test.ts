import { describe, expect, it } from "vitest";
import { transition } from "./report-state";
import { sendStep } from "./send-step";

const draft = {
  state: "draft" as const,
  action: "submit" as const,
  requiresApproval: true,
  wasReturned: false,
  lockDate: null,
  lateAllowed: false,
  today: "2026-12-07",
};
const next = (relations: Parameters<typeof transition>[0]["relations"], over = {}) => {
  const r = transition({ ...draft, relations, ...over });
  return r.ok ? r.next : null;
};

describe("the send button says what happens next", () => {
  it("the officer hands the report to the head when the unit's reports need approval", () => {
    expect(sendStep(next(["reporter"]))).toBe("toHead");
  });
  it("the head sends her own draft on to the receiver", () => {
    expect(sendStep(next(["head"]))).toBe("toReceiver");
    expect(sendStep(next(["reporter", "head"]))).toBe("toReceiver");
  });
  it("without approval the officer sends it on; a returned report goes again", () => {
    expect(sendStep(next(["reporter"], { requiresApproval: false }))).toBe("toReceiver");
    expect(sendStep(next(["head"], { state: "returned", action: "resubmit" }))).toBe("againToReceiver");
  });
  it("nothing to say when the actor may not send it", () => {
    expect(sendStep(next(["receiver"]))).toBeNull();
  });
});
