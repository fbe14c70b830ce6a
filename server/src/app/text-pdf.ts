/**
 * A one-page PDF of text lines, written by hand: what the demo's evidence files and the document
 * tests need without a PDF library. Helvetica, unembedded, so ASCII only (a standard font has no
 * Vietnamese glyphs without embedding one).
 */
export function textPdf(lines: string[], { fontSize = 10, leading = 14, left = 40 } = {}): Buffer {
  const literal = (s: string) => s.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const runs = lines.map((line, i) => `1 0 0 1 ${left} ${780 - i * leading} Tm (${literal(line)}) Tj`);
  const content = `BT /F1 ${fontSize} Tf ${runs.join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
