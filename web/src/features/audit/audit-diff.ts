export type DiffRow = { key: string; before: unknown; after: unknown; changed: boolean };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Flattens nested objects to dotted keys, so that a change deep inside reads as one line. */
function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out[prefix] = {};
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] = value;
  } else if (value !== null && value !== undefined) {
    out["(giá trị)"] = value;
  }
  return out;
}

/** The before/after of an audit record as key/value rows, changed keys first. */
export function diffAudit(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = Array.from(new Set([...Object.keys(b), ...Object.keys(a)]));
  const rows = keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed) || x.key.localeCompare(y.key));
}

/** A value as a person reads it: dates dd/mm/yyyy are left to the caller, arrays joined, empty shown as a dash. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value))
    return value.length ? value.map((v) => (isObject(v) ? JSON.stringify(v) : String(v))).join(", ") : "—";
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}
