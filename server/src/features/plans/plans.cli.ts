/** `plans export-xlsx PLAN_ID FILE` and `plans export-docx PLAN_ID FILE`: the same exports as the API. */
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../../cli/args";
import type { Command } from "../../cli/commands";
import { exportPlanDocx, exportTasksXlsx } from "./plans.io.service";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function exportCommand(kind: "xlsx" | "docx"): Command {
  return {
    name: `plans export-${kind}`,
    usage: `plans export-${kind} PLAN_ID FILE`,
    summary:
      kind === "xlsx"
        ? "xuất bảng nhiệm vụ của kế hoạch ra Excel"
        : "xuất kế hoạch ra Word (thể thức NĐ 30/2020)",
    flags: [],
    needsDatabase: true,
    async run({ rest, database }) {
      const [planId, target] = rest;
      if (!planId || !UUID.test(planId)) throw new CliError("Thiếu hoặc sai mã kế hoạch (PLAN_ID).", 2);
      if (!target) throw new CliError("Thiếu đường dẫn tệp xuất.", 2);
      const file = path.resolve(target);
      const exported =
        kind === "xlsx"
          ? await exportTasksXlsx({ db: database!.db, actor: null, id: planId })
          : await exportPlanDocx({ db: database!.db, actor: null, id: planId });
      fs.writeFileSync(file, exported.data);
      return {
        json: { file, bytes: exported.data.length },
        text: `Đã xuất ${file} (${Math.round(exported.data.length / 1024)} KB).`,
      };
    },
  };
}

export const plansExportXlsxCommand = exportCommand("xlsx");
export const plansExportDocxCommand = exportCommand("docx");
