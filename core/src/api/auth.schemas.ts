import { z } from "zod";
import { ROLES } from "../auth/roles";

export const loginBody = z.strictObject({
  username: z
    .string({ message: "Thiếu tên đăng nhập" })
    .trim()
    .min(1, "Tên đăng nhập không được để trống")
    .max(64, "Tên đăng nhập quá dài"),
  password: z
    .string({ message: "Thiếu mật khẩu" })
    .min(1, "Mật khẩu không được để trống")
    .max(256, "Mật khẩu quá dài"),
});

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Password shape: long enough to resist guessing, no composition rules. The server also refuses
 * common passwords and the account's own name (server/src/features/auth/password-policy.ts).
 */
export const newPassword = z
  .string({ message: "Thiếu mật khẩu mới" })
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
  .max(256, "Mật khẩu mới quá dài");

export const changePasswordBody = z.strictObject({
  currentPassword: z
    .string({ message: "Thiếu mật khẩu hiện tại" })
    .min(1, "Thiếu mật khẩu hiện tại")
    .max(256),
  newPassword,
});

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    mustChangePassword: z.boolean(),
  }),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), provinceId: z.string().nullable() }),
  province: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The province's time zone (PROVINCE_TIME_ZONE): the web app's "today" is a day on this clock. */
  timeZone: z.string(),
  can: z.object({
    manageUsers: z.boolean(),
    manageDirectory: z.boolean(),
    readAudit: z.boolean(),
  }),
});
export type MeResponse = z.infer<typeof meResponse>;
