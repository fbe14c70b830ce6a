/**
 * Extraction rules: from the neutral document model to a plan to review. General rules of Vietnamese
 * administrative writing (Decree 30/2020 layout, numbered sections, task tables by their headers),
 * never rules for one file. Whatever is uncertain is kept as written and flagged for a person.
 */
import { deadlineToJson, parseDeadline } from "../deadlines";
import type { IndexCode } from "../indices/definitions/types";
import { foldForMatch } from "../text/vietnamese";
import { indexNamedIn, indicesNamedIn, linkHeading, matchComponent } from "./components";
import { checkGarbledText } from "./garbled";
import { legalBasesIn } from "./legal-bases";
import type {
  Block,
  DocumentModel,
  ExtractedPlan,
  ExtractedTarget,
  ExtractedTask,
  SourceRef,
  UnitRef,
  ValueRank,
} from "./model";
import { proseDeadline } from "./prose-deadline";
import { isReportingOnly, readReporting } from "./reporting";
import { targetInSentence } from "./sentence-targets";
import {
  alignRow,
  type ColumnRole,
  detectLayout,
  type GridCell,
  type GridRow,
  type TableLayout,
  toGrid,
} from "./tables";
import {
  continuesName,
  createUnitResolver,
  splitUnitCell,
  type UnitResolver,
  unitPhraseAt,
  unitsInSentence,
} from "./units";

export { proseDeadline };

export interface ExtractOptions {
  resolver?: UnitResolver;
  /** ISO date used when a deadline omits the year; defaults to the document's own date. */
  issued?: string;
}

const MAX_TASKS = 5_000;

export function describeSource(ref: SourceRef | undefined, fallback: string): string {
  const parts: string[] = [];
  if (ref?.sheet) parts.push(`trang tính "${ref.sheet}"`);
  if (ref?.page) parts.push(`trang ${ref.page}`);
  if (ref?.line) parts.push(`dòng ${ref.line}`);
  parts.push(fallback);
  return parts.join(", ");
}

type Level = 1 | 2 | 3 | 4;

interface Heading {
  level: Level;
  text: string;
  units: string[];
  requested: boolean;
  component: string | null;
  index: IndexCode | null;
  tasksUnder: number;
  source: string;
  block: number;
}

type Part = "preamble" | "objectives" | "tasks" | "implementation" | "other" | "closing";

const ROMAN = /^([IVXLC]{1,6})[.)]?\s+(.+)$/u;
const NUM2 = /^(\d{1,2})[.)]\s+(.+)$/u;
const NUM3 = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.+)$/u;
const LETTER = /^([a-zđ])\)\s+(.+)$/u;
const BULLET = /^[-–•+*]\s*(.+)$/u;

function numberingOf(text: string): { level: Level | 0; number: string | null; rest: string } {
  let m = ROMAN.exec(text);
  if (m && /^[IVXLC]+$/.test(m[1]) && (text[m[1].length] === "." || /^\p{Lu}/u.test(m[2])))
    return { level: 1, number: m[1], rest: m[2] };
  m = NUM3.exec(text);
  if (m) return { level: 3, number: m[1], rest: m[2] };
  m = NUM2.exec(text);
  if (m) return { level: 2, number: m[1], rest: m[2] };
  m = LETTER.exec(text);
  if (m) return { level: 4, number: m[1], rest: m[2] };
  return { level: 0, number: null, rest: text };
}

function partOf(text: string): Part | null {
  const f = foldForMatch(text);
  if (/^(muc tieu|muc dich|yeu cau|chi tieu|quan diem)/.test(f)) return "objectives";
  if (/^(nhiem vu|giai phap|noi dung|cac nhiem vu|nhung nhiem vu|chuong trinh|phan cong)/.test(f))
    return "tasks";
  if (/^(to chuc thuc hien|trach nhiem thuc hien|phan cong trach nhiem)/.test(f)) return "implementation";
  if (/^(kinh phi|che do bao cao|danh gia|ket qua)/.test(f)) return "other";
  return null;
}

const KIND_WORDS =
  /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|CHỈ THỊ|CÔNG VĂN|BÁO CÁO|ĐỀ ÁN|HƯỚNG DẪN|THÔNG BÁO)(?![\p{L}\p{N}])\s*(.*)$/u;
const ISSUER =
  /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|SỞ|BAN|VĂN PHÒNG|THANH TRA|BỘ|HỘI ĐỒNG NHÂN DÂN|TỈNH ỦY|HUYỆN ỦY|CỤC|CHI CỤC)(?![\p{L}\p{N}])/u;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 2 && letters === letters.toUpperCase();
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function extractPlan(source: DocumentModel, options: ExtractOptions = {}): ExtractedPlan {
  // Garbled pages (old encodings, substituted fonts) are repaired or reported before any rule reads them.
  const doc = checkGarbledText(source);
  const resolver = options.resolver ?? createUnitResolver(null);
  const blocks = doc.blocks;
  const plan: ExtractedPlan = {
    metadata: { kind: null, number: null, date: null, place: null, issuer: null, title: null, flags: [] },
    legalBases: [],
    objectives: [],
    targets: [],
    reporting: [],
    tasks: [],
    flags: [...doc.warnings],
    stats: {
      tasks: 0,
      leads: 0,
      leadsResolved: 0,
      deadlines: 0,
      deadlinesUnderstood: 0,
      targets: 0,
      targetsResolved: 0,
      flagged: 0,
    },
  };
  const firstRoman = blocks.findIndex((b) => b.kind === "paragraph" && numberingOf(b.text).level === 1);
  readMetadata(blocks, firstRoman < 0 ? Math.min(blocks.length, 40) : firstRoman, plan);
  const issued = options.issued ?? plan.metadata.date ?? undefined;

  const resolveUnits = (names: string[], requested = false): UnitRef[] => {
    const seen = new Set<string>();
    const out: UnitRef[] = [];
    for (const n of names) {
      const key = foldForMatch(n);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push(resolver.resolve(n, { requested }));
    }
    return out;
  };

  const stack: Heading[] = [];
  let part: Part = "preamble";
  let appendix: string | null = null;
  let lastIndex: IndexCode | null = null;
  let lastTask = null as ExtractedTask | null;
  let lastTaskBlock = -1;

  const pushTask = (
    task: Omit<ExtractedTask, "confidence" | "flags">,
    base: number,
    extraFlags: string[] = [],
  ) => {
    if (plan.tasks.length >= MAX_TASKS) return null;
    const full: ExtractedTask = { ...task, confidence: base, flags: [...extraFlags] };
    scoreTask(full);
    plan.tasks.push(full);
    for (const h of stack) h.tasksUnder++;
    return full;
  };

  const sectionInfo = () => {
    const path = [...(appendix ? [appendix] : []), ...stack.map((h) => h.text)];
    let component: string | null = null;
    for (let i = stack.length - 1; i >= 0 && !component; i--) component = stack[i].component;
    return { section: path[path.length - 1] ?? "", sectionPath: path, sectionComponent: component };
  };
  const contextIndex = (): IndexCode | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].index) return stack[i].index;
    return null;
  };

  const proseTask = (text: string, number: string | null, source: string, block: number) => {
    const found = unitsInSentence(text);
    let leads = resolveUnits(found.leads);
    const requested = resolveUnits(found.requested, true);
    if (requested.length) leads = [...leads, ...requested];
    const inherited = !leads.length;
    if (inherited) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].units.length) {
          leads = resolveUnits(stack[i].units, stack[i].requested);
          break;
        }
      }
    }
    const coordinators = resolveUnits(found.coordinators);
    const deadlineText = proseDeadline(text);
    const task = pushTask(
      {
        ...sectionInfo(),
        number,
        content: cleanText(text),
        leads,
        coordinators,
        expectedOutput: "",
        deadline: deadlineToJson(parseDeadline(deadlineText ?? "", { issued })),
        source,
      },
      0.75,
    );
    lastTask = task;
    lastTaskBlock = block;
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === "table") {
      const consumed = readTables(blocks, b, {
        plan,
        resolveUnits,
        issued,
        appendix,
        stack,
        indexHint: lastIndex,
        pushTask,
      });
      b = consumed - 1;
      lastTask = null;
      continue;
    }
    const raw = cleanText(block.numbering ? `${block.numbering} ${block.text}` : block.text);
    if (!raw) continue;
    const source = describeSource(block.source, `đoạn ${b + 1}`);
    const named = indicesNamedIn(raw);
    if (named.length === 1) lastIndex = named[0];
    else if (named.length > 1) lastIndex = indexNamedIn(raw);
    if (/^phụ lục(?![\p{L}\p{N}])/iu.test(raw)) {
      appendix = raw;
      // An appendix title runs over the next short lines ("Nhiệm vụ, giải pháp … của các sở…").
      // Those lines, and the "(Kèm theo Kế hoạch số …)" line under them, are the title, not tasks.
      let k = b + 1;
      for (; k < blocks.length && k < b + 4; k++) {
        const nb = blocks[k];
        if (nb.kind !== "paragraph" || /^\(/.test(nb.text.trim()) || numberingOf(nb.text).level > 0) break;
        appendix = `${appendix} ${cleanText(nb.text)}`;
      }
      const after = blocks[k];
      if (after?.kind === "paragraph" && /^\((ban hành )?kèm theo/iu.test(after.text.trim())) k++;
      b = k - 1;
      const ai = indexNamedIn(appendix);
      if (ai) lastIndex = ai;
      stack.length = 0;
      part = "tasks";
      continue;
    }
    if (/^nơi nhận(?![\p{L}\p{N}])/iu.test(raw)) {
      part = "closing";
      continue;
    }
    if (part === "closing") continue;
    if (b < firstRoman && firstRoman >= 0) {
      readPreamble(raw, source, plan);
      continue;
    }
    // The plan's reporting rule lives outside its task sections: a sentence about reports inside a
    // task ("Báo cáo kết quả hằng tháng") belongs to that task.
    if (part !== "tasks") readReporting(raw, source, plan, resolveUnits);

    // A note in brackets ("(Các Phụ lục nhiệm vụ kèm theo Kế hoạch này)") is no task.
    if (/^\([^()]*\)$/u.test(raw) && raw.length < 200) continue;
    // Footnotes ("1 Theo các quy định …") sit inside the text where a PDF page ends.
    if (/^\d{1,2}\s+\p{Lu}/u.test(raw) && !/^\d{1,2}\s+(tháng|năm|ngày)(?![\p{L}\p{N}])/iu.test(raw)) {
      if (lastTaskBlock === b - 1) lastTaskBlock = b;
      continue;
    }
    const num = numberingOf(raw);
    // A paragraph that starts in lower case continues the previous one (a page or column break).
    if (lastTask && lastTaskBlock === b - 1 && /^\p{Ll}/u.test(raw) && num.level === 0) {
      lastTask.content = `${lastTask.content} ${raw}`;
      lastTaskBlock = b;
      continue;
    }
    if (num.level === 1) {
      stack.length = 0;
      const p = partOf(num.rest);
      part = p ?? (part === "preamble" ? "other" : part);
      if (p === null && indexNamedIn(num.rest)) part = "tasks";
      const link = linkHeading(num.rest);
      stack.push(heading(1, raw, link, source, b));
      lastTask = null;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (num.level >= 2 && !bullet) {
      // "h) Nâng cao chất lượng …: Các đơn vị thuộc Sở triển khai …" is a heading with its task inline.
      const colon = num.rest.indexOf(":");
      const inlineBody = colon > 0 && colon < 140 ? num.rest.slice(colon + 1).trim() : "";
      const headText = inlineBody
        ? `${num.number}${num.level === 4 ? ")" : "."} ${num.rest.slice(0, colon).trim()}`
        : raw;
      const isHeading =
        inlineBody.length > 0 ||
        (num.rest.length <= 220 && !/[.;]$/.test(num.rest.trim())) ||
        /:$/.test(num.rest.trim());
      if (isHeading && part !== "objectives" && part !== "preamble") {
        closeHeadings(num.level as Level);
        const within = contextIndex();
        const link = linkHeading(headText.replace(/^\S+\s+/, ""), within);
        const h = heading(num.level as Level, headText, link, source, b);
        const unitName = unitPhraseAt(num.rest.replace(/^(Đề nghị|Giao)\s+/iu, ""));
        if (
          unitName &&
          unitName.length >= num.rest.replace(/^(Đề nghị|Giao)\s+/iu, "").replace(/[.:]$/, "").length - 2
        ) {
          h.units = splitUnitCell(unitName);
          h.requested = /^đề nghị/iu.test(num.rest);
        }
        stack.push(h);
        lastTask = null;
        if (inlineBody && (part === "tasks" || part === "implementation"))
          proseTask(inlineBody, null, source, b);
        continue;
      }
      if (part === "objectives" || part === "preamble") {
        readObjective(raw, source, plan, lastIndex);
        continue;
      }
      if (part === "tasks" || part === "implementation") {
        if (isReportingOnly(num.rest)) continue;
        if (part === "implementation" && !hasAgency(num.rest, stack)) continue;
        closeHeadings(num.level as Level);
        proseTask(num.rest, num.number, source, b);
      }
      continue;
    }
    if (part === "objectives" || part === "preamble") {
      readObjective(raw, source, plan, lastIndex);
      continue;
    }
    if (part === "tasks" || part === "implementation") {
      const text = bullet ? bullet[1] : raw;
      if (isReportingOnly(text)) continue;
      if (part === "implementation" && !hasAgency(text, stack)) continue;
      if (!bullet && /:$/.test(text) && text.length < 160) {
        // A lead-in line ("Hình thức công khai:") belongs to what follows, not a task itself.
        continue;
      }
      proseTask(text, null, source, b);
    }
  }

  // Headings in task parts with no item under them are tasks written as one numbered line.
  plan.tasks.sort(() => 0);
  finish(plan);
  return plan;

  function closeHeadings(level: Level) {
    while (stack.length && stack[stack.length - 1].level >= level) {
      const h = stack.pop()!;
      if (h.tasksUnder === 0 && part === "tasks" && h.level > 1 && h.text.length > 40 && !h.units.length) {
        const num = numberingOf(h.text);
        const saved = stack.slice();
        proseTaskFromHeading(h, num.number, num.rest);
        stack.length = 0;
        stack.push(...saved);
      }
    }
  }

  function proseTaskFromHeading(h: Heading, number: string | null, text: string) {
    proseTask(text.replace(/:$/, ""), number, h.source, h.block);
  }
}

function heading(
  level: Level,
  text: string,
  link: ReturnType<typeof linkHeading>,
  source: string,
  block: number,
): Heading {
  return {
    level,
    text,
    units: [],
    requested: false,
    component: link?.resolved ?? null,
    index: link?.indexCode ?? null,
    tasksUnder: 0,
    source,
    block,
  };
}

function hasAgency(text: string, stack: Heading[]): boolean {
  const found = unitsInSentence(text);
  if (found.leads.length || found.requested.length) return true;
  return stack.some((h) => h.units.length > 0);
}

function readMetadata(blocks: Block[], until: number, plan: ExtractedPlan) {
  const md = plan.metadata;
  const paras: Array<{ text: string; i: number }> = [];
  for (let i = 0; i < until && i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === "paragraph") paras.push({ text: cleanText(b.text), i });
  }
  // A number line with the sequence left blank ("Số:      /KH-STNMT", a copy issued before it was
  // numbered) names the kind of document but gives no number: the draft's number stays empty, flagged.
  let numberLine = false;
  for (let k = 0; k < paras.length; k++) {
    const t = paras[k].text;
    const num = /Số\s*:?\s*([0-9]*)\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/u.exec(t);
    if (num && !numberLine) {
      numberLine = true;
      md.number = num[1] ? `${num[1]}/${num[2]}` : null;
      if (!num[1])
        md.flags.push(
          `Văn bản chưa ghi số ("${num[0].replace(/\s+/g, " ").trim()}"); cần bổ sung số khi ban hành.`,
        );
      if (!md.kind) md.kind = kindFromSymbol(num[2]);
    }
    const date = /(?:([\p{L} .]{2,40}),\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(t);
    if (date && !md.date) {
      const [d, m, y] = [Number(date[2]), Number(date[3]), Number(date[4])];
      const probe = new Date(Date.UTC(y, m - 1, d));
      if (probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) {
        md.date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      } else md.flags.push(`Ngày ban hành "${date[0]}" không hợp lệ.`);
      if (date[1])
        md.place =
          date[1]
            .replace(/^.*\//, "")
            .replace(/^[\s\d]+/, "")
            .trim() || null;
    }
    if (!md.issuer && ISSUER.test(t) && isUpper(t.split(/CỘNG HÒA|CỘNG HOÀ/u)[0])) {
      md.issuer = issuingBody(t.split(/\s*CỘNG HÒA|\s*CỘNG HOÀ/u)[0].trim());
    }
    const kind = KIND_WORDS.exec(t);
    if (kind && isUpper(kind[1]) && !md.title) {
      md.kind = titleCase(kind[1]);
      let title = kind[2].trim();
      let j = k + 1;
      while (j < paras.length && j <= k + 4) {
        const next = paras[j].text;
        if (
          /^(Căn cứ|Thực hiện|Trong|Nhằm|Theo|Để|Ủy ban|UBND|Xét)(?![\p{L}\p{N}])/u.test(next) ||
          next.length > 300
        )
          break;
        if (title && /[.:]$/.test(title)) break;
        title = title ? `${title} ${next}` : next;
        j++;
        if (
          !/[,;]$|(?<![\p{L}\p{N}])và$|(?<![\p{L}\p{N}])của$/u.test(title) &&
          j < paras.length &&
          !/^\p{Ll}/u.test(paras[j].text)
        )
          break;
      }
      md.title = title.replace(/\s+/g, " ").trim() || null;
    }
  }
  if (!md.issuer) {
    // Without a letterhead, the opening sentence says who issues: "… Sở Tài nguyên và Môi trường ban hành Kế hoạch".
    for (const b of blocks.slice(0, Math.max(until, 10) + 5)) {
      if (b.kind !== "paragraph") continue;
      const m =
        /(?:^|[,;]\s*)((?:Ủy ban nhân dân|UBND|Sở|Ban|Văn phòng)[^,;]{2,80}?)\s+ban hành(?![\p{L}\p{N}])/u.exec(
          b.text,
        );
      if (m) {
        md.issuer = m[1].trim();
        md.flags.push(`Không có tiêu đề cơ quan ban hành; lấy "${md.issuer}" từ câu mở đầu, cần kiểm tra.`);
        break;
      }
    }
  }
  if (!md.number && !numberLine) md.flags.push("Không tìm thấy số văn bản (Số: …/KH-…).");
  if (!md.date) md.flags.push("Không tìm thấy ngày ban hành (…, ngày … tháng … năm …).");
  if (!md.issuer) md.flags.push("Không xác định được cơ quan ban hành.");
  if (!md.title) md.flags.push("Không tìm thấy tên loại và trích yếu văn bản.");
}

/** "UBND TỈNH BÌNH ĐỊNH SỞ TƯ PHÁP": under its parent authority, the body that issues is the second. */
function issuingBody(letterhead: string): string {
  const m =
    /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN)\s+(?:[\p{Lu} ]+?\s+)?((?:SỞ|VĂN PHÒNG|THANH TRA|BAN|PHÒNG|CHI CỤC|CỤC)\s+\p{Lu}.*)$/u.exec(
      letterhead,
    );
  return m ? m[1] : letterhead;
}

function kindFromSymbol(symbol: string): string | null {
  const head = symbol.split("-")[0];
  return (
    (
      {
        KH: "Kế hoạch",
        QĐ: "Quyết định",
        CTr: "Chương trình",
        CT: "Chỉ thị",
        BC: "Báo cáo",
        HD: "Hướng dẫn",
        TB: "Thông báo",
      } as Record<string, string>
    )[head] ?? null
  );
}

function titleCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function readPreamble(text: string, source: string, plan: ExtractedPlan) {
  if (/^căn cứ(?![\p{L}\p{N}])/iu.test(text)) {
    plan.legalBases.push(...legalBasesIn(text, source));
    return;
  }
  // "Thực hiện Chỉ thị số …": only the acts cited by number are bases.
  if (/^(?:Thực hiện|Triển khai)(?![\p{L}\p{N}])/u.test(text))
    plan.legalBases.push(...legalBasesIn(text, source).filter((b) => b.number));
}

function readObjective(text: string, source: string, plan: ExtractedPlan, lastIndex: IndexCode | null) {
  const clean = text.replace(/^[-–•+]\s*/, "");
  plan.objectives.push({ text: clean, source });
  const target = targetInSentence(clean, source, lastIndex);
  if (target) plan.targets.push(target);
}

interface TableContext {
  plan: ExtractedPlan;
  resolveUnits: (names: string[], requested?: boolean) => UnitRef[];
  issued: string | undefined;
  appendix: string | null;
  stack: Heading[];
  indexHint: IndexCode | null;
  pushTask: (
    task: Omit<ExtractedTask, "confidence" | "flags">,
    base: number,
    flags?: string[],
  ) => ExtractedTask | null;
}

const texts = (cells: GridCell[] | undefined, withCovered = true) =>
  (cells ?? [])
    .filter((c) => withCovered || !c.fromAbove)
    .filter((c, i, all) => !c.fromLeft || !all.slice(0, i).some((p) => p.text === c.text))
    .map((c) => c.text.trim())
    .filter(Boolean)
    .join("\n");

/** Reads a run of tables from `start` (a table continued on the next page is one table); returns the next block index. */
function readTables(blocks: Block[], start: number, ctx: TableContext): number {
  let layout: TableLayout | null = null;
  let b = start;
  let state: TableState | null = null;
  for (; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind !== "table") {
      // Page numbers or footers between the two halves of a table do not end it.
      if (layout && block.kind === "paragraph" && /^\s*(-\s*)?\d{1,3}(\s*-)?\s*$/.test(block.text)) continue;
      break;
    }
    const { rows, truncated } = toGrid(block);
    if (truncated)
      ctx.plan.flags.push(
        `Bảng ở ${describeSource(block.source, `khối ${b + 1}`)} quá lớn; chỉ đọc một phần.`,
      );
    if (!rows.length) continue;
    const own = detectLayout(rows);
    let dataStart = 0;
    let continued = false;
    if (own.kind !== "other" || own.headerRows > 0) {
      if (layout && own.signature === layout.signature) {
        continued = true;
      } else if (own.kind !== "other") {
        layout = own;
        state = newState(ctx, layout);
      } else if (layout) {
        continued = true;
      }
      dataStart = own.headerRows;
    } else if (layout && Math.abs(rows[0].cells.length - layout.roles.length) <= 1) {
      continued = true;
    } else {
      layout = null;
      state = null;
      continue;
    }
    if (!layout || !state) continue;
    state.confidence = Math.min(0.9, block.confidence ?? 0.9);
    state.tableConfidence = block.confidence ?? 1;
    for (let r = dataStart; r < rows.length; r++) {
      if (layout.kind === "tasks") taskRow(rows[r], layout, state, continued && r === dataStart, b);
      else if (layout.kind === "targets") targetRow(rows[r], layout, state, continued && r === dataStart, b);
    }
  }
  return b;
}

interface TableState {
  ctx: TableContext;
  layout: TableLayout;
  section: string | null;
  sectionLink: string | null;
  sectionIndex: IndexCode | null;
  subsection: string | null;
  subsectionLink: string | null;
  lastTask: ExtractedTask | null;
  lastTarget: ExtractedTarget | null;
  lastWasSection: boolean;
  index: IndexCode | null;
  /** Agencies a section row of the table names ("5. Sở Tư pháp"), for rows without a lead. */
  sectionUnits: string[];
  /** How far the reader trusts the table (PDF geometry), the ceiling of its tasks' confidence. */
  confidence: number;
  /** The reader's own trust in the table (1 for real table cells): caps its targets' confidence. */
  tableConfidence?: number;
}

function newState(ctx: TableContext, layout: TableLayout): TableState {
  return {
    ctx,
    layout,
    section: null,
    sectionLink: null,
    sectionIndex: null,
    subsection: null,
    subsectionLink: null,
    lastTask: null,
    lastTarget: null,
    lastWasSection: false,
    index: ctx.indexHint,
    sectionUnits: [],
    confidence: 0.9,
  };
}

const startsLower = (t: string) => /^[\p{Ll}]/u.test(t.trim()) || /^[-–,;.]\s*\d/.test(t.trim());

function rowSource(row: GridRow, block: number, rowIndex: string): string {
  return describeSource(row.source, `bảng ở khối ${block + 1}${rowIndex}`);
}

function taskRow(row: GridRow, layout: TableLayout, st: TableState, afterBreak: boolean, block: number) {
  const cells = alignRow(row.cells, layout.roles);
  // A cell spanning several columns (a section row) belongs to its first column only.
  const get = (role: ColumnRole, covered = true) =>
    texts(
      cells.get(role)?.filter((c) => !c.fromLeft),
      covered,
    );
  const number = get("number", false);
  const content = get("content", false);
  const sub = get("subsection", false);
  const lead = get("lead");
  const coord = get("coordinator");
  const result = get("result", false);
  const deadline = get("deadline");
  const note = get("note", false);
  const all = [number, content, sub, lead, coord, result, deadline, note];
  if (!all.some(Boolean)) return;
  // Header repeated inside one table (Word's repeated header row, or a pasted page break).
  if (
    detectLayout([row]).headerRows === 1 &&
    !content.match(/[.;]$/) &&
    content.length < 60 &&
    !lead &&
    !deadline
  )
    return;

  // A page break cut the previous row: its rest comes first on the new page, without a number.
  const onlyRest =
    afterBreak &&
    !number &&
    st.lastTask &&
    (!content || startsLower(content) || startsLower(lead) || (sub && startsLower(sub)));
  if (onlyRest && st.lastTask) {
    const t = st.lastTask;
    if (content) t.content = `${t.content} ${content}`;
    if (lead) appendUnits(t.leads, lead, st);
    if (coord) appendUnits(t.coordinators, coord, st);
    if (result) t.expectedOutput = t.expectedOutput ? `${t.expectedOutput} ${result}` : result;
    if (deadline)
      t.deadline = deadlineToJson(
        parseDeadline(`${t.deadline.text} ${deadline}`.trim(), { issued: st.ctx.issued }),
      );
    if (sub && st.subsection) st.subsection = `${st.subsection} ${sub}`;
    if (!t.flags.includes(JOIN_FLAG)) t.flags.push(JOIN_FLAG);
    scoreTask(t);
    return;
  }
  if (
    afterBreak &&
    st.lastWasSection &&
    !number &&
    content &&
    isUpper(content) &&
    !lead &&
    !result &&
    !deadline
  ) {
    st.section = `${st.section} ${content}`;
    const link = linkHeading(st.section ?? "");
    st.sectionLink = link?.resolved ?? st.sectionLink;
    st.sectionIndex = link?.indexCode ?? st.sectionIndex;
    return;
  }
  // Section rows: "I. CHỈ SỐ PCI", "1. Chỉ số thành phần …": a heading and nothing to do.
  const merged = [number, content || sub].filter(Boolean).join(" ");
  const nothingElse = !lead && !coord && !result && !deadline;
  const roman = /^[IVXLC]{1,6}\.?$/.test(number) || /^[IVXLC]{1,6}[.\s]+\p{Lu}/u.test(content);
  // "5. Sở Tư pháp": a row naming only an agency heads the rows below it, which inherit it as lead.
  const agency = nothingElse && content.length < 120 ? unitPhraseAt(content.replace(/[.:]$/, "")) : null;
  if (agency && agency.length >= content.replace(/[.:]$/, "").length - 2) {
    st.sectionUnits = splitUnitCell(agency);
    st.subsection = number ? `${number}. ${content}` : content;
    st.lastWasSection = true;
    return;
  }
  const headingLink =
    nothingElse && !roman && content.length < 160 && !/[.;]$/.test(content)
      ? linkHeading(content, st.sectionIndex)
      : null;
  // A sub-index heading inside an index's section ("CHỈ SỐ … (TRỌNG SỐ 5%)", "Chỉ số thành phần 1:
  // Gia nhập thị trường") is a sub-section: the rows under it link to that component.
  if (
    headingLink?.componentCode &&
    st.sectionIndex &&
    headingLink.indexCode === st.sectionIndex &&
    st.section
  ) {
    st.subsection = number ? `${number}. ${content}` : content;
    st.subsectionLink = headingLink.resolved;
    st.sectionUnits = [];
    st.lastWasSection = true;
    return;
  }
  if (nothingElse && (roman || (content && isUpper(content)) || (content.length < 120 && headingLink))) {
    st.sectionUnits = [];
    st.section = roman && !/^[IVXLC]/.test(content) ? merged : content || merged;
    const link = linkHeading(st.section.replace(/^[IVXLC]{1,6}[.\s]+/u, ""), st.sectionIndex);
    st.sectionLink = link?.resolved ?? null;
    st.sectionIndex = link?.indexCode ?? indexNamedIn(st.section) ?? st.index;
    st.subsection = null;
    st.subsectionLink = null;
    st.lastWasSection = true;
    return;
  }
  st.lastWasSection = false;
  if (sub) {
    st.subsection = number ? `${number}. ${sub}` : sub;
    st.subsectionLink = matchComponent(sub, st.sectionIndex)?.resolved ?? null;
  }
  if (!content) {
    if (st.lastTask && (result || deadline || lead)) {
      // A row holding only the rest of the previous row's cells.
      const t = st.lastTask;
      if (result) t.expectedOutput = `${t.expectedOutput} ${result}`.trim();
      if (lead) appendUnits(t.leads, lead, st);
      if (coord) appendUnits(t.coordinators, coord, st);
      if (!t.flags.includes(JOIN_FLAG)) t.flags.push(JOIN_FLAG);
    }
    return;
  }
  const path = [...(st.ctx.appendix ? [st.ctx.appendix] : []), ...st.ctx.stack.map((h) => h.text)];
  if (st.section) path.push(st.section);
  if (st.subsection) path.push(st.subsection);
  let leads = st.ctx.resolveUnits(splitUnitCell(lead));
  if (!leads.length && !lead) leads = inheritedLeads(st);
  const coordinators = st.ctx.resolveUnits(splitUnitCell(coord));
  const partnerRequested = /^đề nghị(?![\p{L}\p{N}])/iu.test(lead);
  if (partnerRequested) for (const l of leads) l.requested = true;
  st.lastTask = st.ctx.pushTask(
    {
      section: path[path.length - 1] ?? "",
      sectionPath: path,
      sectionComponent: st.subsectionLink ?? st.sectionLink ?? st.index ?? null,
      number: number || null,
      content: cleanText(content),
      leads,
      coordinators,
      expectedOutput: result,
      deadline: deadlineToJson(parseDeadline(deadline, { issued: st.ctx.issued })),
      ...(note ? { note } : {}),
      source: rowSource(row, block, ""),
    },
    st.confidence,
  );
}

/** Leads of a row with none of its own: the agency its table section or the heading above names. */
function inheritedLeads(st: TableState): UnitRef[] {
  if (st.sectionUnits.length) return st.ctx.resolveUnits(st.sectionUnits);
  for (let i = st.ctx.stack.length - 1; i >= 0; i--) {
    const h = st.ctx.stack[i];
    if (h.units.length) return st.ctx.resolveUnits(h.units, h.requested);
  }
  return [];
}

const JOIN_FLAG = "Dòng này được ghép với phần tiếp theo ở trang sau; kiểm tra nội dung đã ghép.";

function appendUnits(list: UnitRef[], text: string, st: TableState) {
  const last = list[list.length - 1];
  const parts = splitUnitCell(text);
  if (last && parts.length && (startsLower(parts[0]) || continuesName(last.text, parts[0]))) {
    const joined = st.ctx.resolveUnits([`${last.text} ${parts.shift()}`])[0];
    list[list.length - 1] = joined;
  }
  list.push(...st.ctx.resolveUnits(parts));
}

/** "7,25 (Vị trí 11)", "5.00/10.0 (Vị trí 20)", "93%", "7 ngày", "53.53 điểm", "12.74/13.00 (tăng điểm)". */
export function parseValueRank(text: string, rankText = ""): ValueRank | null {
  const t = cleanText(text);
  if (!t && !rankText.trim()) return null;
  const num = /(-?\d+(?:[.,]\d+)?)\s*(?:\/\s*(\d+(?:[.,]\d+)?))?/.exec(t.replace(/\(.*?\)/g, ""));
  const rankM =
    /(?:vị trí|hạng|xếp hạng)\s*(\d{1,3})(?:\s*\/\s*(\d{2,3}))?/iu.exec(t) ??
    /^(\d{1,3})(?:\s*\/\s*(\d{2,3}))?$/.exec(rankText.trim());
  const toNum = (s: string | undefined) => (s === undefined ? null : Number(s.replace(",", ".")));
  return {
    text: [t, rankText.trim()].filter(Boolean).join(" | "),
    value: num ? toNum(num[1]) : null,
    max: num?.[2] ? toNum(num[2]) : null,
    rank: rankM ? Number(rankM[1]) : null,
    rankOf: rankM?.[2] ? Number(rankM[2]) : null,
  };
}

function targetRow(row: GridRow, layout: TableLayout, st: TableState, afterBreak: boolean, block: number) {
  const cells = alignRow(row.cells, layout.roles);
  const get = (role: ColumnRole) => texts(cells.get(role), false);
  const number = get("number");
  const name = get("name") || get("subsection") || get("content");
  const base = get("baseline");
  const target = get("target");
  if (!name && !base && !target) return;
  if (detectLayout([row]).headerRows === 1 && !/\d/.test(base + target)) return;
  if (!number && !base && !target && st.lastTarget && (afterBreak || startsLower(name))) {
    st.lastTarget.component = `${st.lastTarget.component} ${name}`;
    const again = matchComponent(st.lastTarget.component, st.index);
    if (again) st.lastTarget.resolved = again.resolved;
    return;
  }
  const within = st.index;
  const match = matchComponent(name, within);
  const t: ExtractedTarget = {
    component: cleanText(name),
    resolved: match?.resolved ?? null,
    number: number || null,
    baseline: parseValueRank(base, get("baselineRank")),
    target: parseValueRank(target, get("targetRank")),
    source: rowSource(row, block, ""),
    confidence: Math.min(match ? Math.min(0.95, match.confidence) : 0.5, st.tableConfidence ?? 1),
    flags: [],
  };
  if (!match) t.flags.push(`Chưa liên kết "${t.component}" với chỉ số thành phần nào; cần chọn.`);
  if (!t.target || t.target.value === null) t.flags.push("Không đọc được giá trị chỉ tiêu.");
  st.ctx.plan.targets.push(t);
  st.lastTarget = t;
}

function scoreTask(t: ExtractedTask) {
  const keep = t.flags.filter((f) => f === JOIN_FLAG);
  const flags: string[] = [...keep];
  let confidence = t.source && t.confidence ? t.confidence : 0.8;
  if (!t.leads.length) {
    flags.push("Chưa xác định được đơn vị chủ trì; cần chọn đơn vị.");
    confidence = Math.min(confidence, 0.4);
  }
  for (const u of [...t.leads, ...t.coordinators]) {
    if (!u.unit && !u.group) {
      flags.push(
        `Không tìm thấy "${u.text}" trong danh mục đơn vị${u.suggestions?.length ? `; gợi ý: ${u.suggestions.join(", ")}` : ""}.`,
      );
      confidence = Math.min(confidence, 0.5);
    } else if (!u.unit && u.group) {
      flags.push(
        `"${u.text}" là nhóm đơn vị chưa có trong danh mục nhóm${u.suggestions?.length ? `; gợi ý: ${u.suggestions.join(", ")}` : ""}.`,
      );
      confidence = Math.min(confidence, 0.6);
    } else if (u.note) flags.push(u.note);
    else if (u.confidence < 0.8) {
      flags.push(`"${u.text}" được hiểu là ${u.unit}; cần xác nhận.`);
      confidence = Math.min(confidence, 0.7);
    }
  }
  if (!t.deadline.text.trim()) flags.push("Chưa ghi thời hạn.");
  else if (!t.deadline.understood) {
    flags.push(`Chưa hiểu thời hạn "${t.deadline.text}"; cần nhập lại.`);
    confidence = Math.min(confidence, 0.6);
  }
  if (t.content.length < 12) {
    flags.push("Nội dung nhiệm vụ quá ngắn; kiểm tra với văn bản gốc.");
    confidence = Math.min(confidence, 0.5);
  }
  if (keep.length) confidence = Math.min(confidence, 0.7);
  t.flags = flags;
  t.confidence = Math.round(confidence * 100) / 100;
}

function finish(plan: ExtractedPlan) {
  for (const t of plan.tasks) scoreTask(t);
  const s = plan.stats;
  s.tasks = plan.tasks.length;
  s.leads = plan.tasks.reduce((n, t) => n + t.leads.length, 0);
  s.leadsResolved = plan.tasks.reduce((n, t) => n + t.leads.filter((l) => l.unit).length, 0);
  s.deadlines = plan.tasks.filter((t) => t.deadline.text.trim()).length;
  s.deadlinesUnderstood = plan.tasks.filter((t) => t.deadline.understood).length;
  s.targets = plan.targets.length;
  s.targetsResolved = plan.targets.filter((t) => t.resolved).length;
  s.flagged = plan.tasks.filter((t) => t.flags.length).length;
  if (!plan.tasks.length)
    plan.flags.push(
      "Không tìm thấy nhiệm vụ nào trong văn bản (bảng nhiệm vụ hoặc mục “Nhiệm vụ, giải pháp”).",
    );
}
