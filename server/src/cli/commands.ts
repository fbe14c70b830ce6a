import fs from "node:fs";
import path from "node:path";
import { formatDateVi, isoDate } from "../../../core/src/api/common.schemas";
import { userCreateBody } from "../../../core/src/api/users.schemas";
import { deadlineToJson, parseDeadline, renderDeadline } from "../../../core/src/deadlines";
import { systemActor } from "../app/actor";
import { createAdmin } from "../app/bootstrap";
import type { AppConfig } from "../app/config";
import type { Database } from "../app/db";
import { passwordProblem } from "../features/auth/password-policy";
import { backupDatabase, restoreDatabase } from "../features/backup/backup.service";
import { resultsImportCommand } from "../features/indices/indices.cli";
import { importUnitList } from "../features/org-units/org-units.import";
import { plansExtractCommand } from "../features/plan-import/plan-import.cli";
import { plansExportDocxCommand, plansExportXlsxCommand } from "../features/plans/plans.cli";
import { type Args, CliError } from "./args";

export interface CommandResult {
  json: unknown;
  text: string;
  exitCode?: number;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  flags: string[];
  needsDatabase: boolean;
  run(input: {
    args: Args;
    rest: string[];
    database: Database | null;
    config: AppConfig;
  }): Promise<CommandResult>;
}

const fileArgument = (rest: string[], what: string) => {
  if (!rest[0]) throw new CliError(`Thiếu đường dẫn ${what}.`, 2);
  return path.resolve(rest[0]);
};

const adminCreate: Command = {
  name: "admin create",
  usage: 'admin create --username U [--name "Họ tên"] [--unit UNIT_ID]',
  summary: "tạo tài khoản quản trị (mật khẩu từ CHISO_ADMIN_PASSWORD hoặc --password)",
  flags: ["username", "password", "name", "unit"],
  needsDatabase: true,
  async run({ args, database }) {
    const password = args.string("password") ?? process.env.CHISO_ADMIN_PASSWORD;
    const parsed = userCreateBody.pick({ username: true, password: true, displayName: true }).safeParse({
      username: args.string("username"),
      password,
      displayName: args.string("name") ?? "Quản trị hệ thống",
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${issue.path.join(".") || "tham số"}: ${issue.message}`, 2);
    }
    // Said before touching the database, with the flag to fix (the same rule as every password).
    const problem = passwordProblem(parsed.data);
    if (problem) throw new CliError(`password: ${problem}`, 2);
    const user = await createAdmin({ database: database!, ...parsed.data, unitId: args.string("unit") });
    return {
      json: { id: user.id, username: user.username, roles: user.roles, unitId: user.unitId },
      text: `Đã tạo tài khoản quản trị "${user.username}".`,
    };
  },
};

const filesLine = (files: { count: number; bytes: number; missing: string[] }) =>
  `${files.count} tệp minh chứng (${(files.bytes / 1024 / 1024).toFixed(1)} MB)` +
  (files.missing.length
    ? `; CẢNH BÁO: ${files.missing.length} tệp cơ sở dữ liệu nhắc đến đã không còn trên đĩa khi sao lưu: ${files.missing.slice(0, 5).join(", ")}`
    : "");

const dbBackup: Command = {
  name: "db backup",
  usage: "db backup FILE",
  summary: "sao lưu toàn bộ cơ sở dữ liệu và các tệp minh chứng (DATA_DIR/files) vào một tệp (.chiso.gz)",
  flags: [],
  needsDatabase: true,
  async run({ rest, database, config }) {
    const file = fileArgument(rest, "tệp sao lưu");
    const { tables, files } = await backupDatabase({ database: database!, file, dataDir: config.dataDir });
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    const bytes = fs.statSync(file).size;
    return {
      json: { file, db: database!.kind, tables, rows, files, bytes },
      text: `Đã sao lưu ${rows} dòng (${Object.keys(tables).length} bảng) và ${filesLine(files)} vào ${file} (${(bytes / 1024).toFixed(0)} KB).`,
      exitCode: files.missing.length ? 1 : 0,
    };
  },
};

const dbRestore: Command = {
  name: "db restore",
  usage: "db restore FILE [--force]",
  summary:
    "khôi phục cơ sở dữ liệu và tệp minh chứng từ tệp sao lưu, kiểm tra mã sha256 từng tệp (--force: ghi đè dữ liệu hiện có)",
  flags: ["force"],
  needsDatabase: true,
  async run({ args, rest, database, config }) {
    const file = fileArgument(rest, "tệp sao lưu");
    const { tables, files } = await restoreDatabase({
      database: database!,
      file,
      force: args.has("force"),
      dataDir: config.dataDir,
    });
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    const text = files.included
      ? `Đã khôi phục ${rows} dòng và ${filesLine(files)} từ ${file}.`
      : `Đã khôi phục ${rows} dòng từ ${file}. Bản sao lưu cũ này không chứa tệp minh chứng` +
        (files.missing.length
          ? `: còn thiếu ${files.missing.length} tệp, hãy chép thư mục files của máy cũ vào ${config.dataDir}.`
          : ".");
    return {
      json: { file, db: database!.kind, tables, rows, files },
      text,
      exitCode: files.missing.length ? 1 : 0,
    };
  },
};

const unitsImport: Command = {
  name: "units import",
  usage: "units import FILE --parent UNIT_ID [--dry-run]",
  summary: "nhập danh sách đơn vị từ XLSX/CSV vào dưới một đơn vị",
  flags: ["parent", "dry-run"],
  needsDatabase: true,
  async run({ args, rest, database }) {
    const file = fileArgument(rest, "tệp danh sách đơn vị");
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file}.`);
    const result = await importUnitList({
      db: database!.db,
      actor: systemActor("Dòng lệnh chiso"),
      file: { fileName: path.basename(file), data: new Uint8Array(fs.readFileSync(file)) },
      parentId: args.string("parent") ?? null,
      commit: !args.has("dry-run"),
    });
    const lines = [
      `${result.rows.length} dòng hợp lệ, ${result.errors.length} lỗi.`,
      ...result.errors.map((e) => `  - ${e.message}`),
      "created" in result
        ? `Đã tạo ${result.created}, cập nhật ${result.updated} đơn vị.`
        : "Chạy thử: chưa ghi gì.",
    ];
    return { json: result, text: lines.join("\n"), exitCode: result.errors.length ? 1 : 0 };
  },
};

const deadlineParse: Command = {
  name: "deadline parse",
  usage: 'deadline parse "CỤM TỪ" [--issued DD/MM/YYYY]',
  summary: "đọc thử một cụm từ thời hạn như trong kế hoạch",
  flags: ["issued"],
  needsDatabase: false,
  async run({ args, rest }) {
    const text = rest.join(" ");
    if (!text.trim())
      throw new CliError('Thiếu cụm từ thời hạn, ví dụ: deadline parse "Trước ngày 15/6/2023".', 2);
    const issuedRaw = args.string("issued");
    let issued: string | undefined;
    if (issuedRaw !== undefined) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(issuedRaw.trim());
      const iso = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : "";
      if (!m || !isoDate.safeParse(iso).success)
        throw new CliError(`Ngày ban hành "${issuedRaw}" không hợp lệ (dạng DD/MM/YYYY).`, 2);
      issued = iso;
    }
    const deadline = parseDeadline(text, { issued });
    const json = deadlineToJson(deadline);
    const lines = [
      `Cụm từ: ${json.text}`,
      json.understood
        ? `Loại: ${json.kind}; hiển thị: ${renderDeadline(deadline)}`
        : `Không hiểu được: ${"problem" in deadline ? deadline.problem : ""}`,
      json.due ? `Hạn: ${formatDateVi(json.due)}` : "Hạn: (không có ngày cụ thể)",
      ...json.milestones.map((m) => `  - ${m.label}: ${formatDateVi(m.due)}`),
    ];
    return { json, text: lines.join("\n"), exitCode: json.understood ? 0 : 1 };
  },
};

/** Every command of `npm run chiso`; later features add theirs here. */
export const COMMANDS: Command[] = [
  adminCreate,
  dbBackup,
  dbRestore,
  unitsImport,
  deadlineParse,
  resultsImportCommand,
  plansExportXlsxCommand,
  plansExportDocxCommand,
  plansExtractCommand,
];
