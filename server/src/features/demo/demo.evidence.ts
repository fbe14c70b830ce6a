/**
 * Small real evidence files for the demo: a one-page PDF (`app/text-pdf.ts`: unaccented text, a
 * standard PDF font has no Vietnamese glyphs) and a Word document (built with the `docx` library,
 * Vietnamese as is). Both pass the evidence service's content check.
 */
import { Document, Packer, Paragraph, TextRun } from "docx";
import { textPdf } from "../../app/text-pdf";

/** A one-page PDF whose lines are `lines` (ASCII). */
export const demoPdf = (lines: string[]) => textPdf(lines, { fontSize: 12, leading: 22, left: 60 });

/** A Word document: a bold title, then one paragraph per line. */
export async function demoDocx(title: string, lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 28 })] }),
          ...lines.map((text) => new Paragraph({ children: [new TextRun({ text, size: 26 })] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
