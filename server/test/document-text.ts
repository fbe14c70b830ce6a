/** The text a person reads in a generated Word or Excel file, for tests that check its words. */
import ExcelJS from "exceljs";
import JSZip from "jszip";

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Every paragraph of a DOCX (body, headers, footers), one line each. */
export async function docxText(data: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  const lines: string[] = [];
  for (const name of parts) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
    for (const p of xml.split(/<\/w:p>/))
      lines.push(
        [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => (m[1] as string).replace(/&(\w+);/g, (e, k: string) => XML_ENTITIES[k] ?? e))
          .join(""),
      );
  }
  return lines.filter(Boolean).join("\n");
}

/**
 * A number as Excel shows it: with its format's decimals; without a format, every digit (a raw float
 * such as 57.417110443115234 is what a person would see, and the tests flag it).
 */
function shownNumber(value: number, numFmt: string | undefined): string {
  if (!numFmt) return String(value);
  const decimals = /\.(0+)/.exec(numFmt)?.[1]?.length ?? 0;
  const shown = numFmt.includes("%") ? value * 100 : value;
  return `${shown.toFixed(decimals)}${numFmt.includes("%") ? "%" : ""}`;
}

/** An Excel date as shown dd/mm/yyyy: a date cell is UTC midnight of the day it shows. */
const shownDate = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");

/** Every cell of every sheet as it is displayed (numbers with their format's decimals), one row a line. */
export async function xlsxText(data: Buffer | Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const ws of wb.worksheets) {
    lines.push(ws.name);
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const v = cell.value;
        cells.push(
          typeof v === "number" ? shownNumber(v, cell.numFmt) : v instanceof Date ? shownDate(v) : cell.text,
        );
      });
      lines.push(cells.join(" | "));
    });
  }
  return lines.join("\n");
}
