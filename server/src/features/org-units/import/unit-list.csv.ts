import type { SheetRow } from "./unit-list.types";

/** Decodes UTF-8 (BOM optional); null when the bytes are not text, so binary files are refused. */
export function decodeText(data: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return null;
  }
  // Control characters other than tab and line breaks never occur in a real spreadsheet export.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) return null;
  }
  return text;
}

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/** Splits CSV text into records (RFC 4180: quoted fields may hold separators, quotes and line breaks). */
export function parseCsv({ text, delimiter }: { text: string; delimiter: string }): SheetRow[] {
  const records: SheetRow[] = [];
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ row: records.length + 1, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field.length > 0 || cells.length > 0 || fieldStarted) endRecord();
  return records;
}

/** Separators tried in order of how often Vietnamese office software writes them. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
