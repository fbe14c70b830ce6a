/**
 * Building blocks of Word documents in the administrative layout of Decree 30/2020/NĐ-CP (Times New
 * Roman 14, justified paragraphs, borderless header tables), shared by every DOCX the product writes.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

export const FONT = "Times New Roman";

export const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? 28,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
  });

export const para = (
  children: TextRun[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; indent?: boolean } = {},
) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 120 },
    indent: o.indent ? { firstLine: 567 } : undefined,
  });

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
export const noBorders = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export const cell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });

/** A table of figures: a bold centred header row repeated on each page, then the rows (12 pt). */
export function grid(headers: string[], widths: number[], rows: string[][]) {
  const cells = (texts: string[], bold: boolean) =>
    texts.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.PERCENTAGE },
          children: [
            para([run(text, { size: 24, bold })], {
              align: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
              after: 0,
            }),
          ],
        }),
    );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: cells(headers, true) }),
      ...rows.map((r) => new TableRow({ children: cells(r, false) })),
    ],
  });
}
