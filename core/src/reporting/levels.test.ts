import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNIT_KINDS } from "../auth/roles";
import { ADMIN_LEVELS, levelOfChain } from "./levels";

describe("administrative level of a unit", () => {
  it("is that of its nearest commune or district, else the province", () => {
    expect(levelOfChain(["province", "department"])).toBe("province");
    expect(levelOfChain(["province", "department", "internalUnit"])).toBe("province");
    expect(levelOfChain(["province", "commune"])).toBe("commune");
    expect(levelOfChain(["province", "commune", "internalUnit"])).toBe("commune");
    expect(levelOfChain(["province", "district", "internalUnit"])).toBe("district");
    // A commune under a (historical) district reports at commune level.
    expect(levelOfChain(["province", "district", "commune"])).toBe("commune");
    expect(levelOfChain(["province"])).toBe("province");
  });

  it("is always one of the levels, and appending kinds other than commune or district keeps it", () => {
    const kind = fc.constantFrom(...UNIT_KINDS);
    fc.assert(
      fc.property(
        fc.array(kind, { maxLength: 8 }),
        fc.constantFrom("internalUnit", "other", "department"),
        (chain, tail) => {
          const level = levelOfChain(chain);
          expect(ADMIN_LEVELS).toContain(level);
          expect(levelOfChain([...chain, tail])).toBe(level);
        },
      ),
    );
  });
});
