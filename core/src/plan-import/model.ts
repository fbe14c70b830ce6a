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
  /** 0–1 when the reader rebuilt the table from text (cells on their own lines, columns of spaces). */
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
  confidence: number;
  suggestions?: string[];
}

export interface ValueRank {
  text: string;
  value: number | null;
  max?: number | null;
  rank: number | null;
  rankOf?: number | null;
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
  /** "qua Sở Nội vụ": the units that receive the reports, as written and resolved. */
  via: UnitRef[];
  dueRule: string | null;
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

export interface ExtractedPlan {
  metadata: ExtractedMetadata;
  legalBases: Array<{ text: string; source: string }>;
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
