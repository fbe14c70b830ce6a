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
