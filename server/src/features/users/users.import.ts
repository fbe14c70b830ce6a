/**
 * Accounts created from a workbook, as an administrator creates them one by one: the same fields
 * and rules (core's userCreateBody, the password rule), each account with a temporary password it
 * must change at first sign-in. Checked first with nothing written (the preview, every problem by
 * row and column), then written all or nothing in one transaction; the temporary passwords are in
 * the answer of that one request only, never stored in clear nor shown again.
 */
import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { userCreateBody } from "../../../../core/src/api/users.schemas";
import { ROLE_LABELS_VI, ROLES, type Role } from "../../../../core/src/auth/roles";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { forbidden } from "../../app/errors";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import {
  assertCommittable,
  type Cell,
  type ImportProblem,
  noteEmptyTable,
  readSheetTable,
  templateSheet,
} from "../documents-in/sheet-table";
import { directoryUnitMatcher } from "../documents-in/sheet-units";
import { cellText } from "../org-units/import/unit-list.values";
import { canManageUsers } from "./users.policy";
import { createUsersRepository } from "./users.repository";
import { insertUser } from "./users.service";

type Field = "username" | "displayName" | "unit" | "roles" | "email";

const FIELDS: Record<Field, string[]> = {
  username: ["ten dang nhap", "tai khoan", "username", "login"],
  displayName: ["ho va ten", "ho ten", "ten nguoi dung", "display name", "full name", "name"],
  unit: ["don vi", "don vi cong tac", "co quan", "unit"],
  roles: ["vai tro", "quyen", "roles", "role"],
  email: ["thu dien tu", "email", "e mail", "dia chi thu dien tu"],
};
const HEADERS: Record<Field, string> = {
  username: "Tên đăng nhập",
  displayName: "Họ và tên",
  unit: "Đơn vị",
  roles: "Vai trò",
  email: "Thư điện tử",
};

/** Role names as people write them (folded), the codes too. */
const ROLE_WORDS: Record<Role, string[]> = {
  admin: ["quan tri he thong", "quan tri", "quan tri vien", "admin"],
  coordinator: ["dieu phoi theo doi", "dieu phoi", "theo doi", "coordinator"],
  officer: ["can bo thuc hien", "can bo", "chuyen vien", "officer"],
  head: ["lanh dao don vi", "lanh dao", "head"],
  viewer: ["lanh dao xem bao cao", "xem bao cao", "chi xem", "xem", "viewer"],
};
const ROLE_OF_WORD = new Map(
  (Object.entries(ROLE_WORDS) as Array<[Role, string[]]>).flatMap(([r, ws]) =>
    ws.map((w) => [w, r] as const),
  ),
);

export interface UserImportRow {
  row: number;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  email: string | null;
}

/** "Cán bộ thực hiện; Lãnh đạo đơn vị" → roles; null when a part is not a role. */
export function rolesOf(text: string): { roles: Role[]; unknown: string[] } {
  const parts = text
    .split(/[;,+\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const roles = new Set<Role>();
  const unknown: string[] = [];
  for (const p of parts) {
    const role = ROLE_OF_WORD.get(foldForMatch(p));
    if (role) roles.add(role);
    else unknown.push(p);
  }
  return { roles: [...roles], unknown };
}

/**
 * A temporary password: 14 characters of letters and digits without look-alikes (0/O, 1/l/I), in
 * groups of four for reading aloud. About 80 bits, so it passes the password rule by far.
 */
export function temporaryPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${pick(4)}-${pick(4)}-${pick(4)}`;
}

/** Reads the workbook into the preview: the accounts it would create, and every problem by row. */
async function previewUsers({ db, actor, data }: { db: Db; actor: Actor; data: Uint8Array }) {
  const table = await readSheetTable<Field>({
    data,
    fields: FIELDS,
    required: ["username", "displayName", "unit", "roles"],
  });
  if ("fatal" in table) return { rows: [], errors: [{ row: null, column: null, message: table.fatal }] };
  // Units of the admin's province (national admins: every unit).
  const matchUnit = await directoryUnitMatcher(db, actor.provinceId ?? null);
  const users = createUsersRepository(db);
  const rows: UserImportRow[] = [];
  const errors: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const text = (f: Field) => cellText(cells[f] as Cell);
    const report = (f: Field, message: string) => {
      const column = table.labels[f] ?? HEADERS[f];
      errors.push({ row, column, message: `Dòng ${row}, cột "${column}": ${message}` });
    };
    const username = text("username").toLowerCase();
    const check = (f: "username" | "displayName" | "email", value: string | null) => {
      const parsed = userCreateBody.shape[f].safeParse(value);
      if (!parsed.success) report(f, `${parsed.error.issues[0]?.message ?? "không hợp lệ"}.`);
    };
    if (!username) report("username", "thiếu tên đăng nhập.");
    else check("username", username);
    if (!text("displayName")) report("displayName", "thiếu họ và tên.");
    else check("displayName", text("displayName"));
    const email = text("email") || null;
    if (email) check("email", email);
    const twin = seen.get(username);
    if (username && twin) report("username", `trùng tên đăng nhập "${username}" với dòng ${twin}.`);
    else if (username && (await users.findByUsername(username)))
      report("username", `tên đăng nhập "${username}" đã được dùng.`);
    if (username) seen.set(username, row);
    const unitText = text("unit");
    const match = unitText ? matchUnit(unitText) : null;
    if (!match) report("unit", "thiếu đơn vị.");
    else if ("problem" in match) report("unit", match.problem);
    const { roles, unknown } = rolesOf(text("roles"));
    if (unknown.length)
      report(
        "roles",
        `không nhận ra vai trò "${unknown.join("; ")}". Các vai trò: ${ROLES.map((r) => ROLE_LABELS_VI[r]).join("; ")}.`,
      );
    else if (!roles.length) report("roles", "thiếu vai trò.");
    if (errors.length > before || !match || "problem" in match) continue;
    rows.push({
      row,
      username,
      displayName: text("displayName"),
      unitId: match.unit.id,
      unitName: match.unit.name,
      roles,
      email,
    });
  }
  return noteEmptyTable({ rows, errors });
}

/**
 * The preview, or with `commit` the accounts created (all or none) and their temporary passwords.
 */
export async function importUsers({
  db,
  actor,
  data,
  commit,
}: {
  db: Db;
  actor: Actor;
  data: Uint8Array;
  commit: boolean;
}) {
  if (!canManageUsers(actor)) throw forbidden();
  const preview = await previewUsers({ db, actor, data });
  if (!commit) return preview;
  assertCommittable(preview, { code: "user.import", what: "tài khoản" });
  const passwords = await db.transaction(async (tx) => {
    const out: Array<{ username: string; password: string }> = [];
    for (const r of preview.rows) {
      const password = temporaryPassword();
      await insertUser({
        tx,
        actor,
        input: {
          username: r.username,
          displayName: r.displayName,
          email: r.email,
          unitId: r.unitId,
          roles: r.roles,
          password,
        },
        mustChangePassword: true,
      });
      out.push({ username: r.username, password });
    }
    return out;
  });
  return { ...preview, created: passwords.length, passwords };
}

/** The template to fill: the columns the import reads, and the roles it knows on a second sheet. */
export async function usersTemplateXlsx() {
  const wb = new ExcelJS.Workbook();
  templateSheet(wb, {
    name: "Người dùng",
    title: "Danh sách người dùng cần tạo tài khoản",
    note: 'Các cột có dấu * là bắt buộc. Vai trò ghi như trang "Vai trò"; nhiều vai trò cách nhau bằng dấu chấm phẩy.',
    columns: [
      { header: HEADERS.username, width: 20, required: true },
      { header: HEADERS.displayName, width: 28, required: true },
      { header: HEADERS.unit, width: 36, required: true },
      { header: HEADERS.roles, width: 30, required: true },
      { header: HEADERS.email, width: 28 },
    ],
  });
  tableSheet(wb, {
    name: "Vai trò",
    rows: ROLES.map((r) => ROLE_LABELS_VI[r]),
    columns: [{ header: "Vai trò", width: 30, value: (r) => r }],
  });
  return { fileName: "mau-nhap-nguoi-dung.xlsx", data: await workbookBuffer(wb) };
}
