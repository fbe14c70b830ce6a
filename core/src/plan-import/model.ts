/**
 * The neutral document model every reader produces (Word, Excel, PDF, text, pasted HTML) and the
 * extraction result. Extraction rules only ever see this model, so a new file format is a new reader,
 * never new rules.
 */
import type { DeadlineJson } from "../deadlines";

/** Where a block sits in the source document, for the person who checks the extraction. */
export interface SourceRef {
  /** 1-based page (PDF) or sheet number (Excel). */
  page?: number;
  /** 1-based line of a text document. */
  line?: number;
  /** Sheet name of a workbook. */
  sheet?: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  /** Heading level when the format says so (Markdown "#", Word "Heading n"), 1 = top. */
  headingLevel?: number;
  /** Automatic list numbering of Word ("1.", "a)", "-") when the number is not in the text itself. */
  numbering?: string;
  /** List nesting level of Word numbering, 0 = top. */
  listLevel?: number;
  bold?: boolean;
  source: SourceRef;
}

export interface TableCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TableBlock {
  kind: "table";
  /** HTML-like rows: covered cells of a merge are omitted, spans are on the origin cell. */
  rows: TableCell[][];
  /** Rows Word marks as "repeat as header row on each page". */
  headerRows?: number;
  /** Source of each row (same length as rows) when the reader knows it. */
  rowSources?: SourceRef[];
  source: SourceRef;
  /** How far the reader trusts the table's cells, 0–1: a table rebuilt from PDF text positions, or from
   * text (cells on their own lines, columns of spaces). Absent: real table cells (Word, Excel, HTML). */
  confidence?: number;
}

export type Block = ParagraphBlock | TableBlock;

export interface DocumentModel {
  blocks: Block[];
  /** Vietnamese notes from the reader (pages without text, cut tables…). */
  warnings: string[];
  format: "docx" | "xlsx" | "pdf" | "text" | "markdown" | "html";
  pages?: number;
}

/** A unit name as written, and what the directory says it is. */
export interface UnitRef {
  text: string;
  /** Name of the resolved directory unit or group, null when not resolved. */
  unit: string | null;
  group: boolean;
  unitId?: string | null;
  groupId?: string | null;
  /** Partner organisations (Mặt trận, đoàn thể) are requested ("đề nghị"), not assigned. */
  requested?: boolean;
  /** Why the resolution differs from the words (a merged department's successor…). */
  note?: string;
  /** Why the text was resolved so, in Vietnamese (exact name, abbreviation, old name, group…), shown beside the choice. */
  reason?: string;
  confidence: number;
  suggestions?: string[];
}

export interface ValueRank {
  text: string;
  value: number | null;
  max?: number | null;
  rank: number | null;
  rankOf?: number | null;
  /** Targets written in sentences: "điểm" or "%" of the value, "trên/từ … trở lên" (at least). */
  unit?: "điểm" | "%";
  atLeast?: boolean;
  /** "xếp vị trí 10-15/63": the end of the rank range. */
  rankTo?: number;
  /** "tăng 10 bậc": places to climb. */
  rankChange?: number;
  /** "nằm trong nhóm 10 tỉnh, thành phố đứng đầu", as written, and its size when it says one (10). */
  group?: string;
  groupSize?: number;
  /** "05/14 tỉnh Vùng Bắc Trung bộ": the rank in the region. */
  regionalRank?: number;
  regionalOf?: number | null;
}

export interface ExtractedTarget {
  component: string;
  /** "PCI" for an index, "PCI:ENTRY" for a component; null when not linked. */
  resolved: string | null;
  number?: string | null;
  baseline: ValueRank | null;
  target: ValueRank | null;
  source: string;
  confidence: number;
  flags: string[];
}

export interface ExtractedTask {
  section: string;
  sectionPath: string[];
  /** The index or component the section names ("PCI", "PCI:LAND"), null when none. */
  sectionComponent: string | null;
  number: string | null;
  content: string;
  leads: UnitRef[];
  coordinators: UnitRef[];
  expectedOutput: string;
  deadline: DeadlineJson;
  note?: string;
  source: string;
  confidence: number;
  flags: string[];
}

export interface ExtractedReporting {
  text: string;
  frequency: "monthly" | "quarterly" | "halfYearly" | "yearly" | "adHoc" | null;
  frequencies: string[];
  /** "báo cáo UBND tỉnh", "gửi Sở Nội vụ và Sở Tài chính": who the reports go to, as written and resolved. */
  receivers: UnitRef[];
  /** "qua Sở Nội vụ": the units the reports pass through (they compile them), as written and resolved. */
  via: UnitRef[];
  /** The due rule as written ("trước ngày 15 của tháng cuối kỳ báo cáo"). */
  dueRule: string | null;
  /** The day of the period's last month the rule names (15 above), null when it names none. */
  dueDay: number | null;
  source: string;
  confidence: number;
  flags: string[];
}

export interface ExtractedMetadata {
  kind: string | null;
  number: string | null;
  /** ISO date. */
  date: string | null;
  place: string | null;
  issuer: string | null;
  title: string | null;
  flags: string[];
}

/** An act the plan cites as its basis, with its parts as written when they are found. */
export interface LegalBasis {
  text: string;
  source: string;
  /** "Nghị quyết", "Luật", "Chỉ thị"… as written. */
  kind?: string | null;
  /** "76/NQ-CP"; null for a law, cited by its name. */
  number?: string | null;
  /** ISO date of the act. */
  date?: string | null;
  /** "Chính phủ", "Tỉnh ủy", "Chủ tịch UBND tỉnh"… as written. */
  issuer?: string | null;
}

export interface ExtractedPlan {
  metadata: ExtractedMetadata;
  legalBases: LegalBasis[];
  objectives: Array<{ text: string; source: string }>;
  targets: ExtractedTarget[];
  reporting: ExtractedReporting[];
  tasks: ExtractedTask[];
  /** Document-level problems (no tasks found, unreadable tables…), Vietnamese. */
  flags: string[];
  stats: {
    tasks: number;
    leads: number;
    leadsResolved: number;
    deadlines: number;
    deadlinesUnderstood: number;
    targets: number;
    targetsResolved: number;
    flagged: number;
  };
}
