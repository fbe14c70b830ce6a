import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVietnamese } from "./vietnamese";
import { compareSortKeys, SORT_KEY_TABLES, vietnameseSortKey } from "./vietnamese-sort";

const collator = new Intl.Collator("vi", { numeric: true });
const byKey = (a: string, b: string) => compareSortKeys(vietnameseSortKey(a), vietnameseSortKey(b));

const ORDERED_NAMES = [
  "An Nhơn Đông",
  "An Nhơn Nam",
  "Ayun Pa",
  "Ân Hảo",
  "Bình Định",
  "Chư Păh",
  "Chư Sê",
  "Đak Đoa",
  "Đak Pơ",
  "Đức Cơ",
  "Ia Grai",
  "Phường 2",
  "Phường 10",
];

/** Syllables with every vowel, tone and case the alphabet has, and the characters names contain. */
const PIECES = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY",
  ..."àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
  ..."ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ",
  "fjwz",
  " ",
  " ",
  "-",
  ",",
  ".",
  "(",
  ")",
  "&",
  "/",
  "'",
  "’",
  "“",
  "\u00a0",
  "0",
  "1",
  "2",
  "9",
  "10",
  "007",
  "Nhơn",
  "Đông",
  "Hoà",
  "Hòa",
  "Sở",
  "Phường",
];
const name = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 8 }).map((p) => p.join(""));

describe("Vietnamese sort key", () => {
  it("orders the directory's hard cases as the collator does, numbers by value", () => {
    const shuffled = [...ORDERED_NAMES].reverse();
    expect([...shuffled].sort(byKey)).toEqual(ORDERED_NAMES);
    expect([...shuffled].sort(compareVietnamese)).toEqual(ORDERED_NAMES);
  });

  it("compares any two names as Intl.Collator('vi', numeric) does", () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(byKey(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          Math.sign(collator.compare(a, b)),
        );
      }),
      { numRuns: 10_000 },
    );
  });

  it("compares names that differ only in tone, case or a quote as the collator does", () => {
    const variants = fc
      .array(fc.constantFrom(..."aàảãáạăằâấđĐoôơờÓuưứyýAÀẠĂÂĐ '’‘“\"\u00a0"), { minLength: 1, maxLength: 5 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(variants, variants, (a, b) => {
        expect(Math.sign(byKey(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          Math.sign(collator.compare(a, b)),
        );
      }),
      { numRuns: 10_000 },
    );
  });

  it("gives the same key to the composed and decomposed spellings of a name", () => {
    expect(vietnameseSortKey("Nhơn Đông".normalize("NFD"))).toBe(vietnameseSortKey("Nhơn Đông"));
  });

  it("lists white space and punctuation in the collator's order", () => {
    const primary = [...SORT_KEY_TABLES.primary.from];
    const codes = [...SORT_KEY_TABLES.primary.to];
    const punctuation = primary.filter((c) => !/\p{L}/u.test(c));
    const sortedByCode = [...punctuation].sort(
      (a, b) => codes[primary.indexOf(a)].charCodeAt(0) - codes[primary.indexOf(b)].charCodeAt(0),
    );
    const base = new Intl.Collator("vi", { sensitivity: "base" });
    for (let i = 1; i < sortedByCode.length; i++) {
      const [a, b] = [sortedByCode[i - 1], sortedByCode[i]];
      const sameCode = codes[primary.indexOf(a)] === codes[primary.indexOf(b)];
      expect(Math.sign(base.compare(a, b)), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(
        sameCode ? 0 : -1,
      );
    }
  });
});
