/**
 * Reads the zod schemas a route declares (kept on `app.apiRoutes`), so that the two-provinces
 * matrices learn a route's filters and the ids its requests carry from the route itself: a filter
 * or an id field added later is tried, or reported as untried, without anyone updating a list.
 */
type ZodDef = {
  type: string;
  format?: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  element?: { _zod: { def: ZodDef } };
  options?: Array<{ _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
};

const defOf = (schema: unknown): ZodDef | null =>
  (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def ?? null;

/** The top-level keys of an object schema (a querystring's filters); none for anything else. */
export function keysOf(schema: unknown): string[] {
  const def = unwrap(defOf(schema));
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(def: ZodDef | null): ZodDef | null {
  let d = def;
  while (d && (d.innerType || (d.type === "pipe" && d.in))) d = defOf(d.innerType ?? d.in) as ZodDef | null;
  return d;
}

/**
 * Every place in a schema that holds an id (a uuid string), as a path: `ownerUnitId`,
 * `rows[].leads[].unitId`. Union branches are walked all.
 */
export function idPathsOf(schema: unknown, prefix = ""): string[] {
  const def = unwrap(defOf(schema));
  if (!def) return [];
  if (def.type === "string") return def.format === "uuid" ? [prefix] : [];
  if (def.type === "array") return idPathsOf(def.element, `${prefix}[]`);
  if (def.type === "union") return [...new Set((def.options ?? []).flatMap((o) => idPathsOf(o, prefix)))];
  if (def.type === "object" && def.shape)
    return Object.entries(def.shape).flatMap(([k, v]) => idPathsOf(v, prefix ? `${prefix}.${k}` : k));
  return [];
}
