import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPlan, readText } from ".";
import type { ExtractedPlan } from "./model";
import { asCellPerLine, asColumns, asWordTables, wrap } from "./text-shapes.fixture";
import { recoverTextTables } from "./text-tables";

const seed = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), "utf8");

// Plan 107/KH-UBND as its Word original holds it: each appendix one table, rows as wide as the table.
const word = asWordTables(readText(seed("003_384f955878bb2b4b.txt")));
const reference = extractPlan(word);
const key = (t: ExtractedPlan["tasks"][number]) => t.content.slice(0, 50);

/** Tasks of the reference found again with the same deadline text, lead count and section. */
function same(p: ExtractedPlan) {
  const byKey = new Map<string, ExtractedPlan["tasks"]>();
  for (const t of p.tasks) byKey.set(key(t), [...(byKey.get(key(t)) ?? []), t]);
  let found = 0;
  let deadlines = 0;
  let leads = 0;
  for (const r of reference.tasks) {
    const t = byKey.get(key(r))?.shift();
    if (!t) continue;
    found++;
    if (t.deadline.text === r.deadline.text) deadlines++;
    if (t.leads.length === r.leads.length) leads++;
  }
  return { found, deadlines, leads };
}

describe("tables recovered from text (plan 107/KH-UBND re-written as converters write it)", () => {
  const n = reference.stats.tasks;
  it("the reference: some 180 tasks, 135 with a deadline, 221 targets", () => {
    expect(n).toBeGreaterThanOrEqual(170);
    expect(n).toBeLessThanOrEqual(185);
    expect(reference.stats.deadlines).toBeGreaterThanOrEqual(130);
    expect(reference.stats.targets).toBe(221);
  });

  it("one cell per line, each row starting with its STT line: every task, deadline and target found", () => {
    const doc = readText(asCellPerLine(word));
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(8);
    for (const t of tables) expect(t.confidence).toBeGreaterThanOrEqual(0.85);
    const p = extractPlan(doc);
    const s = same(p);
    // Before the recovery: no table at all, every cell a paragraph.
    expect(s.found).toBeGreaterThanOrEqual(n - 1);
    expect(s.deadlines).toBeGreaterThanOrEqual(s.found - 1);
    expect(p.tasks.length).toBeLessThanOrEqual(n + 1);
    expect(p.stats.targets).toBe(reference.stats.targets);
  });

  it("one cell per line with an empty line opening each row: the same as the Word table", () => {
    const p = extractPlan(readText(asCellPerLine(word, { marker: true })));
    expect(same(p)).toEqual({ found: n, deadlines: n, leads: n });
    expect(p.stats.targets).toBe(221);
  });

  it("one cell per line with a cell's further paragraphs on lines of their own without the tab", () => {
    const p = extractPlan(readText(asCellPerLine(word, { paragraphsAsLines: "untabbed" })));
    expect(same(p).found).toBeGreaterThanOrEqual(n - 1);
  });

  it("says so when rows cannot be told apart (every paragraph of a cell on its own tab line)", () => {
    const doc = readText(asCellPerLine(word, { paragraphsAsLines: true }));
    expect(doc.warnings.some((w) => /được dựng lại từ văn bản.*cần kiểm tra các cột và dòng/.test(w))).toBe(
      true,
    );
    // The rows of such a table are no surer than the table.
    const low = Math.min(...doc.blocks.flatMap((b) => (b.kind === "table" ? [b.confidence ?? 1] : [])));
    expect(low).toBeLessThan(0.7);
    expect(extractPlan(doc).tasks.filter((t) => t.confidence <= low).length).toBeGreaterThan(10);
  });

  it("the appendix of 70+ rows comes back as one table with one row per task row", () => {
    const lines = asCellPerLine(word).split("\n");
    const appendix2 = recoverTextTables(lines).find((r) =>
      r.table?.rows[0].some((c) => c.text === "NHIỆM VỤ THỰC HIỆN"),
    );
    expect(appendix2?.table?.rows.length).toBeGreaterThanOrEqual(70);
  });

  it("columns of spaces with every wrapped line its own line (pdftotext -layout): tasks and deadlines kept", () => {
    const doc = readText(asColumns(word));
    const p = extractPlan(doc);
    const s = same(p);
    expect(s.found / n).toBeGreaterThanOrEqual(0.93);
    expect(s.deadlines / s.found).toBeGreaterThanOrEqual(0.95);
    expect(p.tasks.length).toBeLessThanOrEqual(n + 5);
    expect(p.stats.targets).toBe(reference.stats.targets);
    for (const t of doc.blocks) if (t.kind === "table") expect(t.confidence).toBeGreaterThan(0);
  });

  it("columns of spaces over pages of 48 lines, each page laying the columns out anew under its repeated header", () => {
    const p = extractPlan(readText(asColumns(word, { pageLines: 48 })));
    const s = same(p);
    // Weaker than one layout for the whole table: rows whose page shifts a column by a character or two
    // are still lost; real pdftotext output of plan 107 gives 103 of its 182 tasks (10 before).
    expect(s.found / n).toBeGreaterThanOrEqual(0.8);
    expect(p.stats.targets).toBe(reference.stats.targets);
  });

  it("columns of spaces with a blank line between rows: nearly every task as in Word", () => {
    const p = extractPlan(readText(asColumns(word, { blankBetweenRows: true })));
    const s = same(p);
    // The rest are rows the seed's own text has shifted (a cell split over two rows at a page break).
    expect(s.found / n).toBeGreaterThanOrEqual(0.95);
    expect(s.deadlines / s.found).toBeGreaterThanOrEqual(0.98);
  });

  it("reads the two-column letterhead written side by side or one cell per line: number, date, place, issuer", () => {
    const left = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 107/KH-UBND"];
    const right = [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bình Định, ngày 08 tháng 06 năm 2023",
    ];
    const body =
      "\nKẾ HOẠCH\n\nCải thiện, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh năm 2023\n\nI. MỤC ĐÍCH, YÊU CẦU\n";
    const sideBySide = left.map((l, k) => `${l.padEnd(30)}${right[k]}`).join("\n");
    const cells = left.flatMap((l, k) => ["\t", `\t${l}`, `\t${right[k]}`]).join("\n");
    for (const head of [sideBySide, cells]) {
      expect(extractPlan(readText(`${head}\n${body}`)).metadata).toMatchObject({
        number: "107/KH-UBND",
        date: "2023-06-08",
        place: "Bình Định",
        issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
        kind: "Kế hoạch",
      });
    }
  });

  it("justified prose (runs of spaces between words) is no table: plan 497 keeps its 44 tasks", () => {
    const plan = readText(seed("000_8eb717131d25ad55.txt"));
    const justify = (line: string, width: number) => {
      const words = line.split(" ");
      let missing = width - line.length;
      for (let k = 0; missing > 0 && words.length > 1; k = (k + 1) % (words.length - 1), missing--)
        words[k] += " ";
      return words.join(" ");
    };
    const text = plan.blocks
      .map((b) => (b.kind === "paragraph" ? wrap(b.text, 90) : []))
      .map((ls) => ls.map((l, k) => (k < ls.length - 1 ? justify(l, 90) : l)).join("\n"))
      .join("\n\n");
    expect(recoverTextTables(text.split("\n")).filter((r) => r.table)).toEqual([]);
    expect(extractPlan(readText(text)).stats.tasks).toBe(44);
  });

  it("leaves the real seeds' own text alone (no table invented in prose)", () => {
    for (const name of ["000_8eb717131d25ad55.txt", "002_9e4b111d625ef708.txt", "003_384f955878bb2b4b.txt"]) {
      const lines = seed(name).replace(/\r\n?/g, "\n").split("\n");
      expect(recoverTextTables(lines)).toEqual([]);
    }
  });
});

describe("hard-wrapped prose with a blank line after every wrapped line", () => {
  const paragraphs = (text: string) =>
    readText(text).blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  it("joins a sentence cut before a lower-case word or after a word that never ends a sentence", () => {
    expect(
      paragraphs("1. Thực hiện các giải pháp. Nâng\n\ncao tinh thần, trách nhiệm của người đứng đầu."),
    ).toEqual(["1. Thực hiện các giải pháp. Nâng cao tinh thần, trách nhiệm của người đứng đầu."]);
    expect(paragraphs("- Tổ chức tập huấn cho công chức của\n\nSở Nội vụ và các đơn vị.")).toEqual([
      "- Tổ chức tập huấn cho công chức của Sở Nội vụ và các đơn vị.",
    ]);
  });
  it("keeps apart a finished sentence, a title and the preamble, a heading, a list item", () => {
    expect(
      paragraphs(
        "của tỉnh Bình Thuận trong năm 2024\n\nThực hiện Chỉ thị số 11-CT/TU ngày 07/9/2021 của Tỉnh ủy;\n\nII. NHIỆM VỤ\n\n- Rà soát thủ tục.\n\nCông khai quy trình.",
      ),
    ).toEqual([
      "của tỉnh Bình Thuận trong năm 2024",
      "Thực hiện Chỉ thị số 11-CT/TU ngày 07/9/2021 của Tỉnh ủy;",
      "II. NHIỆM VỤ",
      "- Rà soát thủ tục.",
      "Công khai quy trình.",
    ]);
  });
});

describe("hard-wrapped prose with indented first lines and no blank line (pdftotext -layout)", () => {
  it("plan 497: every task and both legal bases, as in the original text", () => {
    const plan = readText(seed("000_8eb717131d25ad55.txt"));
    const text = plan.blocks
      .map((b) => (b.kind === "paragraph" ? wrap(b.text, 90).map((l, k) => (k === 0 ? `     ${l}` : l)) : []))
      .map((ls) => ls.join("\n"))
      .join("\n");
    const original = extractPlan(plan);
    const p = extractPlan(readText(text));
    const same = new Set(original.tasks.map((t) => t.content));
    expect(p.stats.tasks).toBe(original.stats.tasks);
    expect(p.tasks.filter((t) => same.has(t.content)).length).toBeGreaterThanOrEqual(
      original.stats.tasks - 1,
    );
    expect(p.legalBases).toHaveLength(2);
  });
});

describe("fuzz: the text reader and the table recovery never throw", () => {
  const shapes = [asCellPerLine(word), asColumns(word), asCellPerLine(word, { marker: true })];
  const unit = fc.constantFrom(
    "\t",
    "\n",
    " ",
    "  ",
    "    ",
    "1",
    "2",
    "I",
    ".",
    "STT",
    "Nội dung",
    "Chủ trì",
    "Thời hạn",
    "Sở A",
    "x",
    "\f",
    "|",
  );
  it("random lines of table-like pieces", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (s) => {
        const lines = s.split("\n");
        expect(Array.isArray(recoverTextTables(lines))).toBe(true);
        readText(s);
      }),
      { numRuns: 300 },
    );
  });
  it("truncated and cut real shapes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: shapes.length - 1 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 6_000 }),
        (k, from, length) => {
          const text = shapes[k].slice(from, from + length);
          extractPlan(readText(text));
        },
      ),
      { numRuns: 40 },
    );
  });
});
