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

/** Formats an ISO date or timestamp as dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatDateVi(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const utc = typeof value === "string" && value.length === 10;
  const day = utc ? d.getUTCDate() : d.getDate();
  const month = utc ? d.getUTCMonth() + 1 : d.getMonth() + 1;
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
