import { z } from "zod";
import { ROLES } from "../auth/roles";
import { newPassword } from "./auth.schemas";
import { importProblem, uuidSchema } from "./common.schemas";

const roles = z
  .array(z.enum(ROLES, { message: "Vai trò không hợp lệ" }))
  .min(1, "Chọn ít nhất một vai trò")
  .max(5);

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(z.enum(ROLES)),
  scopeUnitId: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userCreateBody = z.strictObject({
  username: z
    .string({ message: "Thiếu tên đăng nhập" })
    .trim()
    .min(3, "Tên đăng nhập phải có ít nhất 3 ký tự")
    .max(64, "Tên đăng nhập quá dài")
    .regex(/^[a-zA-Z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang"),
  displayName: z
    .string({ message: "Thiếu họ và tên" })
    .trim()
    .min(2, "Họ và tên quá ngắn")
    .max(120, "Họ và tên quá dài"),
  email: z.email({ message: "Địa chỉ thư điện tử không hợp lệ" }).max(200).nullable().optional(),
  unitId: uuidSchema,
  roles,
  scopeUnitId: uuidSchema.nullable().optional(),
  password: newPassword,
});

export const userUpdateBody = z.strictObject({
  displayName: userCreateBody.shape.displayName.optional(),
  email: userCreateBody.shape.email,
  unitId: uuidSchema.optional(),
  roles: roles.optional(),
  scopeUnitId: uuidSchema.nullable().optional(),
  active: z.boolean().optional(),
});

export const userResetPasswordBody = z.strictObject({ password: newPassword });

export const userListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  unitId: uuidSchema.optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(["username", "displayName", "unitName", "createdAt", "lastLoginAt"]).default("displayName"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export const userListResponse = z.object({ users: z.array(user), total: z.number() });

/**
 * The users import: the accounts the file would create and its problems; once committed, how many
 * were created and each one's temporary password, shown this once.
 */
export const userImportResult = z.object({
  rows: z.array(
    z.object({
      row: z.number(),
      username: z.string(),
      displayName: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      roles: z.array(z.enum(ROLES)),
      email: z.string().nullable(),
    }),
  ),
  errors: z.array(importProblem),
  created: z.number().optional(),
  passwords: z.array(z.object({ username: z.string(), password: z.string() })).optional(),
});
