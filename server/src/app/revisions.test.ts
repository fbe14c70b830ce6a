import { describe, expect, it } from "vitest";
import { createFreshReader } from "./revisions";

/** A read whose answer the test releases; it records when it started. */
function controlledReads() {
  const started: Array<{ at: number; resolve: (v: Map<string, string>) => void }> = [];
  let clock = 0;
  const read = () =>
    new Promise<Map<string, string>>((resolve) => {
      started.push({ at: clock, resolve });
    });
  return { started, read, tick: () => ++clock, now: () => clock };
}

describe("revision reads shared by waiting requests", () => {
  it("never answers a request with a read that started before it arrived; one read serves all waiting", async () => {
    const { started, read, tick, now } = controlledReads();
    const get = createFreshReader(read);
    const first = get(); // starts read #0 at t=0
    tick();
    const arrivedAt = now();
    const second = get(); // t=1: read #0 is in flight, started earlier → must wait for a new read
    const third = get();
    expect(started).toHaveLength(1);
    started[0].resolve(new Map([["plans", "1"]]));
    expect((await first).get("plans")).toBe("1");
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toHaveLength(2);
    expect(started[1].at).toBeGreaterThanOrEqual(arrivedAt);
    started[1].resolve(new Map([["plans", "2"]]));
    expect((await second).get("plans")).toBe("2");
    expect(await third).toBe(await second);
    // Idle again: the next request starts its own read at once.
    const fourth = get();
    expect(started).toHaveLength(3);
    started[2].resolve(new Map([["plans", "3"]]));
    expect((await fourth).get("plans")).toBe("3");
  });

  it("a failed read fails its own requests only; the waiting ones get a fresh read", async () => {
    let n = 0;
    const rejecters: Array<(e: Error) => void> = [];
    const resolvers: Array<(v: Map<string, string>) => void> = [];
    const get = createFreshReader(
      () =>
        new Promise((resolve, reject) => {
          n++;
          rejecters.push(reject);
          resolvers.push(resolve);
        }),
    );
    const a = get();
    const b = get();
    rejecters[0](new Error("connection lost"));
    await expect(a).rejects.toThrow("connection lost");
    await new Promise((r) => setTimeout(r, 0));
    expect(n).toBe(2);
    resolvers[1](new Map([["reports", "7"]]));
    expect((await b).get("reports")).toBe("7");
  });
});
