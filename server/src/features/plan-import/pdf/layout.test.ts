import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlanPdf } from "../../../../test/pdf";
import { readDocument } from "../plan-import.readers";
import { garbledSample } from "./garbled";
import { layoutPages } from "./layout";
import { headerParagraphs } from "./letterhead";
import { pdfRules } from "./rules";
import type { PdfItem, PdfPage, PdfRule } from "./types";

/** A run of text as a word processor prints it: x, baseline y, 10 pt, 5 pt per character. */
const run = (x: number, y: number, s: string): PdfItem => ({ x, y, w: s.length * 5, size: 10, s });
const COLS = [50, 80, 260, 360, 460];
const row = (y: number, cells: string[]) => cells.flatMap((c, k) => (c ? [run(COLS[k], y, c)] : []));
const header = (y: number) => row(y, ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]);
const page = (items: PdfItem[], rules: PdfRule[] = []): PdfPage => ({ items, rules, width: 595 });
const tables = (pages: PdfPage[]) =>
  layoutPages(pages).segments.flatMap((s) => (s.kind === "table" ? [s.block] : []));
const texts = (rows: Array<Array<{ text: string }>>) => rows.map((r) => r.map((c) => c.text));

describe("layoutPages", () => {
  it("joins a cell's wrapped lines and starts rows at the numbers of an unruled table", () => {
    const [t] = tables([
      page([
        ...header(800),
        ...row(780, ["1", "Rà soát thủ tục", "Sở Tư pháp", "Các sở", "Quý I/2024"]),
        ...row(768, ["", "hành chính", "", "", ""]),
        ...row(756, ["2", "Công khai", "Sở Nội vụ", "", "Năm 2024"]),
      ]),
    ]);
    expect(texts(t.rows)).toEqual([
      ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"],
      ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở", "Quý I/2024"],
      ["2", "Công khai", "Sở Nội vụ", "", "Năm 2024"],
    ]);
    expect(t.confidence).toBeGreaterThan(0.8);
  });

  it("keeps wrapped lines in their row in an unruled table without numbers", () => {
    const head = row(800, ["", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]);
    const [t] = tables([
      page([
        ...head,
        ...row(780, ["", "Rà soát thủ tục", "Sở Tư pháp", "Các sở", "Quý I/2024"]),
        ...row(768, ["", "hành chính", "", "ban, ngành", ""]),
        ...row(756, ["", "Công khai", "Sở Nội vụ", "", "Năm 2024"]),
      ]),
    ]);
    expect(texts(t.rows).slice(1)).toEqual([
      ["Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở ban, ngành", "Quý I/2024"],
      ["Công khai", "Sở Nội vụ", "", "Năm 2024"],
    ]);
  });

  it("continues a table on the next page: the repeated header dropped, the cut row re-joined", () => {
    const [t, ...rest] = tables([
      page([...header(800), ...row(780, ["1", "Rà soát thủ tục", "Sở Tư pháp", "", "Quý I/2024"])]),
      page([
        ...header(800),
        ...row(780, ["", "hành chính còn lại", "", "", ""]),
        ...row(768, ["2", "Công khai", "Sở Nội vụ", "", "Năm 2024"]),
      ]),
    ]);
    expect(rest).toEqual([]);
    expect(texts(t.rows).slice(1)).toEqual([
      ["1", "Rà soát thủ tục hành chính còn lại", "Sở Tư pháp", "", "Quý I/2024"],
      ["2", "Công khai", "Sở Nội vụ", "", "Năm 2024"],
    ]);
    expect(t.rowSources?.map((s) => s.page)).toEqual([1, 1, 2]);
  });

  it("reads rows between borders, and a missing border over a column as a merged cell", () => {
    const h = (y: number, x1 = 45, x2 = 560): PdfRule => ({ x1, x2, y1: y, y2: y });
    const v = (x: number): PdfRule => ({ x1: x, x2: x, y1: 700, y2: 812 });
    const rules = [
      h(812),
      h(790),
      h(766, 45, 255),
      h(766, 355, 560),
      h(742),
      h(700),
      ...[45, 75, 255, 355, 455, 560].map(v),
    ];
    const [t] = tables([
      page(
        [
          ...header(800),
          // No number column marks the rows: the borders do. The lead is merged over both rows.
          ...row(778, ["", "Rà soát", "Sở Tư pháp", "Các sở", "Quý I"]),
          ...row(754, ["", "Công khai", "", "Sở Nội vụ", "Quý II"]),
          ...row(730, ["", "Đối thoại", "Sở Tài chính", "", "Quý III"]),
        ],
        rules,
      ),
    ]);
    expect(t.rows.slice(1).map((r) => r.map((c) => [c.text, c.rowSpan]))).toEqual([
      [
        ["", 1],
        ["Rà soát", 1],
        ["Sở Tư pháp", 2],
        ["Các sở", 1],
        ["Quý I", 1],
      ],
      [
        ["", 1],
        ["Công khai", 1],
        ["Sở Nội vụ", 1],
        ["Quý II", 1],
      ],
      [
        ["", 1],
        ["Đối thoại", 1],
        ["Sở Tài chính", 1],
        ["", 1],
        ["Quý III", 1],
      ],
    ]);
    expect(t.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps a section row spanning the columns as one cell", () => {
    const [t] = tables([
      page([
        ...header(800),
        run(50, 780, "I"),
        run(80, 780, "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) VÀ CÁC CHỈ SỐ"),
        ...row(768, ["1", "Rà soát", "Sở Tư pháp", "", "Quý I/2024"]),
      ]),
    ]);
    expect(t.rows[1].map((c) => c.colSpan)).toEqual([1, 4]);
  });

  it("reads a two-sided letterhead left side first", () => {
    const { segments } = layoutPages([
      page([
        run(100, 800, "ỦY BAN NHÂN DÂN"),
        run(330, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        run(105, 786, "TỈNH BÌNH ĐỊNH"),
        run(340, 786, "Độc lập - Tự do - Hạnh phúc"),
        run(100, 770, "Số: 107/KH-UBND"),
        run(320, 770, "Bình Định, ngày 08 tháng 6 năm 2023"),
        run(260, 740, "KẾ HOẠCH"),
      ]),
    ]);
    const lines = segments.flatMap((s) => (s.kind === "text" ? s.lines : [])).filter(Boolean);
    expect(lines).toEqual([
      "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
      "Số: 107/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bình Định, ngày 08 tháng 6 năm 2023",
      "KẾ HOẠCH",
    ]);
    // Without a title under it, the letterhead stops at the first line of body text.
    const body = layoutPages([
      page([
        run(100, 800, "SỞ TƯ PHÁP"),
        run(330, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        // Printed word group by word group: no run crosses the middle, the line does.
        run(70, 770, "Căn cứ Nghị quyết số 02/NQ-CP"),
        run(217.5, 770, "ngày 10/01/2023 của Chính phủ"),
        run(365, 770, "về những việc"),
        run(70, 756, "chủ yếu năm 2023;"),
      ]),
    ]).segments.flatMap((s) => (s.kind === "text" ? s.lines : []));
    expect(body.filter(Boolean)).toEqual([
      "SỞ TƯ PHÁP",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Căn cứ Nghị quyết số 02/NQ-CP ngày 10/01/2023 của Chính phủ về những việc",
      "chủ yếu năm 2023;",
    ]);
    expect(headerParagraphs(["UBND TỈNH BÌNH ĐỊNH", "SỞ TƯ PHÁP", "______", "Số: 12/KH-STP"])).toEqual([
      "UBND TỈNH BÌNH ĐỊNH SỞ TƯ PHÁP",
      "Số: 12/KH-STP",
    ]);
  });

  it("never throws on random runs and borders", () => {
    const item = fc.record({
      x: fc.double({ min: -50, max: 700, noNaN: true }),
      y: fc.double({ min: -50, max: 900, noNaN: true }),
      w: fc.double({ min: 0, max: 400, noNaN: true }),
      size: fc.double({ min: 1, max: 30, noNaN: true }),
      s: fc.oneof(
        fc.constantFrom("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn", "1", "2.1", "I", " "),
        fc.string(),
      ),
    });
    const rule = fc.record({
      x1: fc.double({ min: 0, max: 600, noNaN: true }),
      x2: fc.double({ min: 0, max: 600, noNaN: true }),
      y1: fc.double({ min: 0, max: 850, noNaN: true }),
      y2: fc.double({ min: 0, max: 850, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ items: fc.array(item, { maxLength: 60 }), rules: fc.array(rule, { maxLength: 20 }) }),
          { maxLength: 4 },
        ),
        (pages) => {
          layoutPages(pages.map((p) => ({ ...p, width: 595 })));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("garbledSample", () => {
  it("passes Vietnamese text, tables of figures and a Ð written for Đ", () => {
    expect(
      garbledSample(
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải thiện Chỉ số PCI năm 2023 như sau: ĐỊNH, ÐỊNH",
      ),
    ).toBeNull();
    expect(
      garbledSample("1 Chi phí gia nhập thị trường 7,25 (Vị trí 11) 8,10 (Vị trí 5) 93% 12/2023"),
    ).toBeNull();
  });

  it("warns, with the page, of a page whose text is garbled, and reads the others", async () => {
    const data = new Uint8Array(buildPlanPdf({ pages: 3, garbled: [2] }));
    const doc = await readDocument({ fileName: "ke-hoach.pdf", data });
    expect(doc.warnings.filter((w) => /lỗi phông/.test(w))).toEqual([
      expect.stringMatching(/^Trang 2: chữ trích từ PDF có vẻ bị lỗi phông/),
    ]);
    expect(doc.blocks.some((b) => b.kind === "table" && b.rowSources?.some((s) => s.page === 3))).toBe(true);
  });

  it("reports glyph numbers read as punctuation and legacy TCVN3 letters", () => {
    expect(
      garbledSample('+,-%,.$/$0$12"%345$6$1 #$%-72$%8-3$%9:;-3$% <$% =$%$6>?@?A !"#$%&\'( !)'),
    ).not.toBeNull();
    expect(
      garbledSample("Uû ban nh©n d©n tØnh B×nh §Þnh ban hµnh KÕ ho¹ch c¶i thiÖn chØ sè n¨ng lùc c¹nh tranh"),
    ).not.toBeNull();
  });
});

describe("pdfRules", () => {
  it("finds stroked lines and borders filled as thin bars, many in one path, in page space", async () => {
    const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const bars = [
      0, 10, 100, 1, 300, 100, 1, 300, 100.5, 1, 10, 100.5, 4, 0, 10, 0, 1, 10.5, 0, 1, 10.5, 200, 1, 10, 200,
      4,
    ];
    const big = [0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 4];
    const rules = pdfRules(
      {
        fnArray: [
          OPS.save,
          OPS.transform,
          OPS.constructPath,
          OPS.restore,
          OPS.constructPath,
          OPS.constructPath,
        ],
        argsArray: [
          null,
          [1, 0, 0, 1, 0, 50],
          [OPS.fill, [bars], null],
          null,
          [OPS.stroke, [[0, 20, 700, 1, 500, 700]], null],
          [OPS.fill, [big], null],
        ],
      },
      OPS as unknown as Record<string, number>,
    );
    expect(rules.map((r) => [r.x1, r.x2, r.y1, r.y2].map(Math.round))).toEqual([
      [10, 300, 150, 150],
      [10, 10, 50, 250],
      [20, 500, 700, 700],
    ]);
  });
});

describe("word-by-word runs", () => {
  it("reads a header and cells printed one word at a time", () => {
    // Word's PDF export positions each word: 5 pt a character, a 2.5 pt space between words.
    const words = (x: number, y: number, text: string) => {
      const out: PdfItem[] = [];
      for (const w of text.split(" ")) {
        out.push(run(x, y, w));
        x += w.length * 5 + 2.5;
      }
      return out;
    };
    const [t] = tables([
      page([
        ...words(50, 800, "STT"),
        ...words(80, 800, "Nội dung nhiệm vụ"),
        ...words(260, 800, "Cơ quan chủ trì"),
        ...words(360, 800, "Thời gian"),
        ...words(50, 780, "1"),
        ...words(80, 780, "Rà soát thủ tục"),
        ...words(260, 780, "Sở Tư pháp"),
        ...words(360, 780, "Quý I/2024"),
      ]),
    ]);
    expect(texts(t.rows)).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
      ["1", "Rà soát thủ tục", "Sở Tư pháp", "Quý I/2024"],
    ]);
  });
});

describe("substituted fonts", () => {
  const textOf = (items: PdfItem[]) =>
    layoutPages([page(items)])
      .segments.flatMap((s) => (s.kind === "text" ? s.lines : []))
      .filter(Boolean);

  it("puts the letters another font drew back into their words", () => {
    // "TỈNH BÌNH ĐỊNH": the first font leaves blanks where Ỉ and Ị go, drawn apart by the second.
    const host = { x: 100, y: 700, w: 140, size: 10, s: "T NH BÌNH Đ NH" };
    // "(Vị trí 11)": the blank for ị was merged with the word space.
    const cell = { x: 300, y: 700, w: 75, size: 10, s: "(V trí 11)" };
    // "nỗ lực": one run of the second font carries both missing letters.
    const pair = [run(100, 680, "n"), { x: 105, y: 680, w: 15, size: 10, s: "ỗ ự" }, run(113, 680, "l c")];
    expect(
      textOf([host, run(110, 700, "Ỉ"), run(210, 700, "Ị"), cell, { ...run(315, 700, "ị"), w: 3 }, ...pair]),
    ).toEqual(["TỈNH BÌNH ĐỊNH\t(Vị trí 11)", "nỗ lực"]);
  });

  it("keeps a section row in pieces as one cell where no border divides it", () => {
    const h = (y: number): PdfRule => ({ x1: 45, x2: 560, y1: y, y2: y });
    const v = (x: number, y1 = 700, y2 = 812): PdfRule => ({ x1: x, x2: x, y1, y2 });
    // The inner borders stop at the section row (776-790) and start again under it.
    const inner = [75, 255, 355, 455].flatMap((x) => (x === 75 ? [v(x)] : [v(x, 790, 812), v(x, 700, 776)]));
    const [t] = tables([
      page(
        [
          ...header(800),
          run(50, 780, "I"),
          run(80, 780, "CHỈ SỐ QUẢN TR"),
          run(150, 780, "Ị"),
          run(262, 780, "VÀ HÀNH CHÍNH CÔNG"),
          ...row(764, ["1", "Rà soát", "Sở Tư pháp", "", "Quý I/2024"]),
        ],
        [h(812), h(790), h(776), h(752), h(700), v(45), v(560), ...inner],
      ),
    ]);
    expect(t.rows[1].map((c) => [c.text, c.colSpan])).toEqual([
      ["I", 1],
      ["CHỈ SỐ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG", 4],
    ]);
  });

  it("re-joins a row cut by the page break whose rest starts with an acronym", () => {
    const [t] = tables([
      page([
        ...header(800),
        ...row(780, ["1", "Tuyên truyền về các chỉ số (PCI,", "Sở Nội vụ", "", "Quý I/2024"]),
      ]),
      page([
        ...header(800),
        ...row(780, ["", "SIPAS, PAR INDEX) của tỉnh", "", "", ""]),
        ...row(768, ["2", "Công khai", "Sở Tư pháp", "", "Năm 2024"]),
      ]),
    ]);
    expect(
      texts(t.rows)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["Tuyên truyền về các chỉ số (PCI, SIPAS, PAR INDEX) của tỉnh", "Công khai"]);
  });
});
