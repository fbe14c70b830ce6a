import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPlan, readText } from ".";
import {
  checkGarbledText,
  decodeTcvn3,
  decodeUtf8Mojibake,
  decodeVni,
  isGarbled,
  repairGarbled,
  scoreText,
} from "./garbled";

const seed = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), "utf8");

// Sentences of plan 497/KH-UBND (seed 000), as its paragraphs.
const plan000 = readText(seed("000_8eb717131d25ad55.txt"));
const sentences = plan000.blocks
  .filter((b) => b.kind === "paragraph" && b.text.length > 120)
  .map((b) => (b.kind === "paragraph" ? b.text : ""))
  // TCVN3 writes toned capitals with another font: keep sentences whose capitals it can write.
  .filter((t) => !/[À-ỹ]/u.test(t.replace(/[a-zà-ỹ]/gu, "").replace(/[ĂÂĐÊÔƠƯ]/gu, "")) || false)
  .filter((t) => [...t].every((c) => c === c.toLowerCase() || /[A-ZĂÂĐÊÔƠƯ]/u.test(c)))
  .slice(0, 12);

/** Unicode to TCVN3 read as Latin-1: the inverse of the decoder, letter by letter. */
function encodeTcvn3(text: string): string {
  const inverse = new Map<string, string>();
  for (let code = 0xa1; code <= 0xff; code++) {
    const ch = String.fromCharCode(code);
    const u = decodeTcvn3(ch);
    if (u !== ch) inverse.set(u, ch);
  }
  return [...text.normalize("NFC")].map((c) => inverse.get(c) ?? c).join("");
}

const TONES: Record<string, [string, string]> = {
  "\u0301": ["ù", "Ù"],
  "\u0300": ["ø", "Ø"],
  "\u0309": ["û", "Û"],
  "\u0303": ["õ", "Õ"],
  "\u0323": ["ï", "Ï"],
};
const CIRC_TONE: Record<string, [string, string]> = {
  "": ["â", "Â"],
  "\u0301": ["á", "Á"],
  "\u0300": ["à", "À"],
  "\u0309": ["å", "Å"],
  "\u0303": ["ã", "Ã"],
  "\u0323": ["ä", "Ä"],
};
const BREVE_TONE: Record<string, [string, string]> = {
  "": ["ê", "Ê"],
  "\u0301": ["é", "É"],
  "\u0300": ["è", "È"],
  "\u0309": ["ú", "Ú"],
  "\u0303": ["ü", "Ü"],
  "\u0323": ["ë", "Ë"],
};
const I_TONE: Record<string, string> = {
  "\u0301": "í",
  "\u0300": "ì",
  "\u0309": "æ",
  "\u0303": "ó",
  "\u0323": "ò",
};

/** Unicode to VNI Windows read as Latin-1. */
function encodeVni(text: string): string {
  let out = "";
  for (const c of text.normalize("NFC")) {
    if (c === "đ" || c === "Đ") {
      out += c === "đ" ? "ñ" : "Ñ";
      continue;
    }
    const d = c.normalize("NFD");
    const base = d[0];
    const marks = d.slice(1);
    if (!marks) {
      out += c;
      continue;
    }
    const upper = base !== base.toLowerCase() ? 1 : 0;
    const tone = [...marks].find((m) => TONES[m]) ?? "";
    if (marks.includes("\u031b"))
      out += (base.toLowerCase() === "o" ? ["ô", "Ô"] : ["ö", "Ö"])[upper] + (tone ? TONES[tone][upper] : "");
    else if (marks.includes("\u0302")) out += base + CIRC_TONE[tone][upper];
    else if (marks.includes("\u0306")) out += base + BREVE_TONE[tone][upper];
    else if (base.toLowerCase() === "i") out += upper ? I_TONE[tone].toUpperCase() : I_TONE[tone];
    else if (base.toLowerCase() === "y" && tone === "\u0323") out += upper ? "Î" : "î";
    else out += base + TONES[tone][upper];
  }
  return out;
}

describe("garbled Vietnamese", () => {
  it("has real sentences to work on", () => {
    expect(sentences.length).toBeGreaterThanOrEqual(8);
  });

  it("real text is not garbled: the three seeds pass untouched", () => {
    for (const name of ["000_8eb717131d25ad55.txt", "002_9e4b111d625ef708.txt", "003_384f955878bb2b4b.txt"]) {
      expect(isGarbled(scoreText(seed(name)))).toBe(false);
      const doc = readText(seed(name));
      expect(checkGarbledText(doc)).toBe(doc);
    }
  });

  it("repairs TCVN3 (ABC) text read as Latin-1: 'TiÕp tôc' is 'Tiếp tục'", () => {
    expect(decodeTcvn3("TiÕp tôc")).toBe("Tiếp tục");
    for (const s of sentences) {
      const garbled = encodeTcvn3(s);
      expect(garbled).not.toBe(s);
      expect(isGarbled(scoreText(garbled))).toBe(true);
      expect(repairGarbled(garbled)).toEqual({ text: s, encoding: "TCVN3 (ABC)" });
    }
  });

  it("repairs VNI text read as Latin-1: 'Tieáp tuïc' is 'Tiếp tục'", () => {
    expect(decodeVni("Tieáp tuïc ñaåy maïnh Sôû Nội vụ")).toBe("Tiếp tục đẩy mạnh Sở Nội vụ");
    for (const s of sentences) {
      const garbled = encodeVni(s);
      expect(isGarbled(scoreText(garbled))).toBe(true);
      expect(repairGarbled(garbled)?.text).toBe(s);
    }
  });

  it("repairs the Icelandic Ð written for Đ by old converters", () => {
    const s = sentences.slice(0, 3).join(" ").replace(/^/, "Đề nghị Sở Tài chính đôn đốc. ");
    const bad = s.replace(/Đ/g, "Ð").replace(/đ/g, "ð");
    expect(isGarbled(scoreText(bad))).toBe(true);
    expect(repairGarbled(bad)?.text).toBe(s);
  });

  it("repairs UTF-8 read as Windows-1252", () => {
    const s = sentences[0];
    const mojibake = [...new TextEncoder().encode(s)].map((b) => String.fromCharCode(b)).join("");
    expect(repairGarbled(mojibake)?.text).toBe(s);
  });

  it("reports a page whose fonts were substituted, with the page, in Vietnamese", () => {
    const pages = [
      sentences.slice(0, 3).join("\n\n"),
      "Ð?y m?nh c?i cách hành chính, nâng cao ch? s? PCI c?a t?nh; S? N?i v? ch? trì, ph?i h?p v?i các s?, ngành tri?n khai th?c hi?n.",
      sentences.slice(3, 5).join("\n\n"),
    ];
    const doc = readText(pages.join("\n\f"));
    expect(doc.blocks.some((b) => b.source.page === 3)).toBe(true);
    const p = extractPlan(doc);
    const warning = p.flags.find((f) => f.startsWith("Trang 2: chữ bị lỗi phông"));
    expect(warning).toMatch(/không đọc được đúng tiếng Việt/);
    expect(warning).toContain('"Ð?y"');
    expect(p.flags.some((f) => f.startsWith("Trang 1") || f.startsWith("Trang 3"))).toBe(false);
  });

  it("reports letters a substituted font moved out of their words (as pdf.js reads such a PDF)", () => {
    // The font lacks the letters with a dot or a hook: each leaves a gap and lands at the end of its line.
    const missing = /[ạảậẩặẳẹẻệểịỉọỏộổợởụủựửỵỷ]/giu;
    const substituted = (line: string) => {
      const moved: string[] = [];
      const kept = line.replace(missing, (ch) => {
        moved.push(ch);
        return " ";
      });
      return `${kept}${moved.join("")}`;
    };
    const page2 = sentences.slice(0, 4).map(substituted).join("\n\n");
    const text = [sentences.slice(4, 6).join("\n\n"), page2, sentences.slice(6, 8).join("\n\n")].join("\n\f");
    const p = extractPlan(readText(text));
    const warnings = p.flags.filter((f) => /lỗi phông/.test(f));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Trang 2: chữ bị lỗi phông/);
    // Real text never looks like this: not one of the three seeds.
    for (const name of ["000_8eb717131d25ad55.txt", "002_9e4b111d625ef708.txt", "003_384f955878bb2b4b.txt"])
      expect(scoreText(seed(name)).broken).toBeLessThan(12);
  });

  it("converts a TCVN3 plan before extraction and says so: plan 497 read again", () => {
    const original = extractPlan(plan000);
    const p = extractPlan(readText(encodeTcvn3(seed("000_8eb717131d25ad55.txt"))));
    expect(p.flags.join(" ")).toMatch(/bảng mã TCVN3 \(ABC\); đã chuyển sang Unicode/);
    // Toned capitals (the letterhead, headings) come back in lower case: tasks in prose stay.
    expect(p.stats.tasks).toBeGreaterThanOrEqual(original.stats.tasks - 4);
  });
});

describe("fuzz: the garbled-text check never throws", () => {
  it("on random mixes of Latin-1, TCVN3, VNI pieces, marks, form feeds and replacement characters", () => {
    const unit = fc.constantFrom(
      "a",
      "e",
      "ù",
      "ï",
      "â",
      "ô",
      "Õ",
      "®",
      "¸",
      "?",
      "\uFFFD",
      "\u0301",
      " ",
      "\n",
      "\f",
      "\t",
      "Ð",
      "ậ",
      "1",
      "Ã",
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (s) => {
        for (const f of [decodeTcvn3, decodeVni, decodeUtf8Mojibake, repairGarbled, scoreText]) f(s);
        const doc = checkGarbledText(readText(s));
        expect(Array.isArray(doc.warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
