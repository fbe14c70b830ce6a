/**
 * A text PDF of many pages, written by hand (Helvetica, ASCII: a standard font has no Vietnamese
 * glyphs without embedding one), shaped like a plan's task table so the reader and the extraction
 * do their real work on it.
 */
export function buildPlanPdf({ pages, garbled = [] }: { pages: number; garbled?: number[] }): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages tree, 3 font; then a page and its content per page.
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  let task = 1;
  for (let p = 0; p < pages; p++) {
    // One text run per cell at its column's x, as word processors print tables.
    const columns = [30, 60, 300, 390, 480];
    const rows: string[][] = [
      ["STT", "Nhiem vu", "Co quan chu tri", "Co quan phoi hop", "Thoi gian hoan thanh"],
    ];
    for (let i = 0; i < 40; i++, task++) {
      rows.push([
        String(task),
        `Ra soat, cai thien thu tuc hanh chinh so ${task}`,
        "So Tu phap",
        "Cac so, ban, nganh",
        `Quy ${["I", "II", "III", "IV"][task % 4]}/2026`,
      ]);
    }
    // A page of `garbled` prints what a font without a Unicode map reads as: glyph numbers.
    const shown = (cell: string) => (garbled.includes(p + 1) ? cell.replace(/[A-Za-z]/g, "$%#&") : cell);
    const runs = rows.flatMap((cells, r) =>
      cells.map((cell, c) => `1 0 0 1 ${columns[c]} ${800 - r * 18} Tm (${shown(cell)}) Tj`),
    );
    const content = `BT /F1 8 Tf ${runs.join(" ")} ET`;
    const pageId = objects.length;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageId + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
    pageIds.push(pageId);
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, "latin1");
}
