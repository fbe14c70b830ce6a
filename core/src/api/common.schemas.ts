import { z } from "zod";

/** A calendar date as the API carries it; the UI shows it dd/mm/yyyy. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải có dạng YYYY-MM-DD" })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: "Ngày không tồn tại" },
  );

export const uuidSchema = z.uuid({ message: "Mã định danh không hợp lệ" });

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export { formatDateVi } from "../text/dates";

/** A problem of an imported file, by row (null: the whole file) and column as the file names it. */
export const importProblem = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export const importCommitQuery = z.strictObject({ commit: z.enum(["true", "false"]).default("false") });
