/** Decides what a file is from its bytes, never from its name (an upload can be misnamed). */

export type FileKind = "xlsx" | "csv" | "xls" | "unknown";

export function sniffKind(data: Uint8Array): FileKind {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)
    return "xlsx";
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0)
    return "xls";
  return decodeText(data) === null ? "unknown" : "csv";
}

/**
 * The file as text when it plausibly is a text table: valid UTF-8 (or UTF-16 with a BOM), no NUL
 * bytes and few control characters. Null otherwise.
 */
export function decodeText(data: Uint8Array): string | null {
  if (data.length === 0) return null;
  let text: string;
  try {
    if (data[0] === 0xff && data[1] === 0xfe)
      text = new TextDecoder("utf-16le", { fatal: true }).decode(data.subarray(2));
    else if (data[0] === 0xfe && data[1] === 0xff)
      text = new TextDecoder("utf-16be", { fatal: true }).decode(data.subarray(2));
    else text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > text.length / 100 ? null : text;
}
