import { type MethodBreak, methodBreaks } from "../../../../core/src/indices/arithmetic/method";
import type { IndexDefinition } from "./indices.api";

export type { MethodBreak };

/** The years an index changed method, read from its versions (the server's catalogue), by core's one rule. */
export function breaksOf(def: IndexDefinition | undefined): MethodBreak[] {
  return def ? methodBreaks(def.versions) : [];
}

/** Breaks that fall inside the years shown: a year on each side of them. */
export function breaksWithin(breaks: readonly MethodBreak[], years: readonly number[]): MethodBreak[] {
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  return breaks.filter((b) => b.year > min && b.year <= max);
}
