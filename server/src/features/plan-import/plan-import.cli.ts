/** `plans extract FILE [--json]`: the same extraction as the import screen, printed, nothing created. */
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../../cli/args";
import type { Command } from "../../cli/commands";
import { extractPlan } from "./plan-import.service";

export const plansExtractCommand: Command = {
  name: "plans extract",
  usage: "plans extract FILE [--json]",
  summary: "đọc thử một văn bản kế hoạch (.docx/.xlsx/.pdf/.txt/.md) và in kết quả trích xuất, không tạo gì",
  flags: ["json"],
  needsDatabase: true,
  async run({ rest, database }) {
    if (!rest[0]) throw new CliError("Thiếu đường dẫn tệp kế hoạch.", 2);
    const file = path.resolve(rest[0]);
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file}.`);
    let result: Awaited<ReturnType<typeof extractPlan>>;
    try {
      result = await extractPlan({
        db: database!.db,
        file: { fileName: path.basename(file), data: new Uint8Array(fs.readFileSync(file)) },
      });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const s = result.stats;
    const m = result.metadata;
    const lines = [
      `${m.kind ?? "?"} số ${m.number ?? "?"} ngày ${m.date ?? "?"} — ${m.issuer ?? "?"}`,
      `Trích yếu: ${m.title ?? "?"}`,
      `Căn cứ: ${result.legalBases.length}; chỉ tiêu: ${s.targets} (${s.targetsResolved} liên kết chỉ số); quy định báo cáo: ${result.reporting.length}`,
      `Nhiệm vụ: ${s.tasks}; đơn vị chủ trì: ${s.leadsResolved}/${s.leads} xác định được; thời hạn hiểu được: ${s.deadlinesUnderstood}/${s.deadlines}`,
      `Cần kiểm tra: ${s.flagged} nhiệm vụ có cảnh báo.`,
      ...result.flags.map((f) => `  - ${f}`),
    ];
    return { json: result, text: lines.join("\n"), exitCode: 0 };
  },
};
