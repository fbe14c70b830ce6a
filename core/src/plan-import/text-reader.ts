/**
 * Reads plain text, Markdown and pasted text into the document model. Copying a Word table gives
 * tab-separated lines; text extracted from PDF wraps sentences over several lines; pasting from a web
 * page gives HTML. Paragraphs are re-joined, tables become table blocks, numbering stays in the text.
 */
import { htmlToBlocks, htmlToText, looksLikeHtml } from "./html";
import type { Block, DocumentModel, TableCell } from "./model";
import { recoverTextTables } from "./text-tables";

/** A line that begins a new item even when the previous line does not end a sentence. */
const ITEM_START =
  /^(?:[-•+*–]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s|(?:Căn cứ|Nơi nhận|Số:|PHỤ LỤC)(?![\p{L}\p{N}]))/u;

const MAX_LINES = 400_000;

/** Words that open the paragraphs of a plan's preamble. */
const OPENS = /^(?:Căn cứ|Thực hiện|Nhằm|Theo đề nghị|Xét đề nghị)(?![\p{L}\p{N}])/u;

/** A line ending in a comma or a word that never ends a sentence ("của", "và", "các"…) goes on. */
const OPEN_END =
  /(?:[,\-–(]|(?<![\p{L}])(?:của|và|các|với|cho|tại|theo|về|trong|những|được|là|do|từ|đến|để|trên|như|hoặc|có|mọi|đối với|gồm|thuộc|nhằm|bằng|nhất là))$/iu;

export function readText(input: string, format: "text" | "markdown" | "html" = "text"): DocumentModel {
  const text = normalizeText(input);
  if (/<table\b/i.test(text) || (format === "html" && looksLikeHtml(text))) {
    return { blocks: htmlToBlocks(text), warnings: [], format: "html" };
  }
  const lines = text.split("\n");
  const warnings: string[] = [];
  if (lines.length > MAX_LINES) {
    warnings.push(`Văn bản có ${lines.length} dòng; chỉ đọc ${MAX_LINES} dòng đầu.`);
    lines.length = MAX_LINES;
  }
  // pdftotext ends every page with a form feed: blocks then know their page.
  const pageOfLine: number[] = [];
  if (text.includes("\f")) {
    let page = 1;
    for (let i = 0; i < lines.length; i++) {
      pageOfLine.push(page + (lines[i].startsWith("\f") ? 1 : 0));
      page += (lines[i].match(/\f/g) ?? []).length;
    }
  }
  const sourceOf = (line: number) => (pageOfLine.length ? { line, page: pageOfLine[line - 1] } : { line });
  const markdown = format === "markdown" || lines.some((l) => /^#{1,6}\s/.test(l));
  const blocks: Block[] = [];
  let para: { text: string; line: number; headingLevel?: number } | null = null;
  let table: { rows: TableCell[][]; line: number; rowLines: number[] } | null = null;

  const flushPara = () => {
    if (para?.text.trim()) {
      blocks.push({
        kind: "paragraph",
        text: para.text.trim(),
        ...(para.headingLevel ? { headingLevel: para.headingLevel } : {}),
        source: sourceOf(para.line),
      });
    }
    para = null;
  };
  const flushTable = () => {
    if (table?.rows.length) {
      blocks.push({
        kind: "table",
        rows: table.rows,
        rowSources: table.rowLines.map(sourceOf),
        source: sourceOf(table.line),
      });
    }
    table = null;
  };

  // Tables written one cell per line or in columns of spaces are rebuilt before the line-by-line reading.
  const recovered = new Map(recoverTextTables(lines).map((r) => [r.start, r]));

  let softBreak = false;
  // Text wrapped at a width: a line about as long as the width was cut, its sentence goes on.
  const lengths = lines
    .filter((l) => l.trim() && !l.includes("\t"))
    .map((l) => l.trim().length)
    .sort((a, b) => a - b);
  const wrapWidth =
    lengths.length >= 20 ? lengths[Math.floor(lengths.length * 0.9)] : Number.POSITIVE_INFINITY;
  let lastLength = 0;
  let lastIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const rebuilt = recovered.get(i);
    if (rebuilt?.paragraphs) {
      flushPara();
      flushTable();
      for (const text of rebuilt.paragraphs)
        blocks.push({ kind: "paragraph", text, source: sourceOf(i + 1) });
      i = rebuilt.end - 1;
      continue;
    }
    if (rebuilt?.table) {
      flushPara();
      flushTable();
      blocks.push({
        ...rebuilt.table,
        rowSources: rebuilt.table.rowSources?.map((r) => sourceOf(r.line ?? i + 1)),
        source: sourceOf(i + 1),
      });
      const confidence = rebuilt.table.confidence ?? 1;
      if (confidence < 0.7)
        warnings.push(
          `Bảng ở dòng ${i + 1} được dựng lại từ văn bản không có đường kẻ bảng (độ tin cậy ${String(confidence).replace(".", ",")}); cần kiểm tra các cột và dòng.`,
        );
      i = rebuilt.end - 1;
      continue;
    }
    const raw = lines[i];
    const lineNo = i + 1;
    const cells = tableCells(raw);
    if (cells) {
      flushPara();
      if (!table) table = { rows: [], line: lineNo, rowLines: [] };
      if (cells.length) {
        table.rows.push(cells);
        table.rowLines.push(lineNo);
      }
      continue;
    }
    // A new page after a finished sentence starts a new paragraph (and its page is known).
    if (raw.startsWith("\f") && /[.:;!?]$/.test((para as { text: string } | null)?.text.trim() ?? ""))
      flushPara();
    let line = raw.trim();
    if (!line) {
      // A blank line inside a sentence (a converter writing every wrapped line as a paragraph) may not
      // end the paragraph: the next line decides.
      const open = (para as { text: string } | null)?.text ?? "";
      if (open && !markdown && !/[.:;!?…)”"]$/u.test(open.trim())) softBreak = true;
      else flushPara();
      flushTable();
      continue;
    }
    flushTable();
    if (softBreak) {
      const open = (para as { text: string } | null)?.text.trim() ?? "";
      const full = lastLength >= wrapWidth * 0.85;
      const continues =
        /^\p{Ll}/u.test(line) ||
        ((OPEN_END.test(open) || full) && /^\p{L}/u.test(line) && !isUpper(line) && !OPENS.test(line));
      if (!continues || ITEM_START.test(line)) flushPara();
    }
    softBreak = false;
    let headingLevel: number | undefined;
    if (markdown) {
      const h = /^(#{1,6})\s+(.*)$/.exec(line);
      if (h) {
        headingLevel = h[1].length;
        line = h[2];
      }
      line = stripMarkdown(line);
      if (!line) continue;
    }
    if (headingLevel) {
      flushPara();
      blocks.push({ kind: "paragraph", text: line, headingLevel, source: sourceOf(lineNo) });
      continue;
    }
    const previousLength = lastLength;
    lastLength = line.length;
    // pdftotext -layout indents a paragraph's first line: an indented line after a finished sentence,
    // or after a line that stops short of the width (a paragraph's last line), starts a paragraph
    // even without a blank line.
    const indent = /^ */.exec(raw.replace(/^\f/, ""))?.[0].length ?? 0;
    const ended =
      /[.;:!?]$/.test((para as { text: string } | null)?.text.trim() ?? "") ||
      OPENS.test(line) ||
      previousLength < wrapWidth * 0.75;
    // A first-line indent is a few spaces (a centred title line is indented far more).
    const indented = ended && (indent >= lastIndent + 3 || (indent >= 3 && indent <= 8 && lastIndent > 8));
    lastIndent = indent;
    if (para && indented && !markdown) flushPara();
    if (para && !ITEM_START.test(line) && !markdown) {
      para.text = joinWrapped(para.text, line);
    } else if (para && markdown && !ITEM_START.test(line)) {
      para.text = joinWrapped(para.text, line);
    } else {
      flushPara();
      para = { text: line, line: lineNo };
    }
  }
  flushPara();
  flushTable();
  return { blocks, warnings, format: markdown ? "markdown" : "text" };
}

export function normalizeText(input: string): string {
  return String(input ?? "")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\u200b|\u200c|\u200d|\u2060/g, "")
    .normalize("NFC");
}

/** A line in capitals ("KẾ HOẠCH", "MỤC TIÊU") is a title or heading of its own. */
function isUpper(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length > 2 && letters === letters.toUpperCase();
}

function joinWrapped(previous: string, next: string): string {
  // PDF text breaks words only at spaces; a hyphen at the end of a line is a real dash in Vietnamese.
  return `${previous.replace(/\s+$/, "")} ${next}`;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/\*{1,3}([^*]+)\*{1,3}/g, "$1")
    .replace(/__([^_]+)__/g, "$1")
    .replace(/^\*+|\*+$/g, "")
    .replace(/\\([*_#\\-])/g, "$1")
    .trim();
}

/** Cells of a table line (tab-separated or a Markdown pipe row); null when the line is not a table row. */
function tableCells(line: string): TableCell[] | null {
  if (line.includes("\t")) {
    return line.split("\t").map((c) => cell(c));
  }
  const t = line.trim();
  if (t.length > 2 && t.startsWith("|") && t.endsWith("|")) {
    const parts = t.slice(1, -1).split("|");
    if (parts.every((p) => /^\s*:?-{2,}:?\s*$/.test(p))) return [];
    return parts.map((c) => cell(stripMarkdown(c)));
  }
  return null;
}

function cell(raw: string): TableCell {
  const text = looksLikeHtml(raw) ? htmlToText(raw) : raw.replace(/\s+/g, " ").trim();
  return { text, colSpan: 1, rowSpan: 1 };
}
