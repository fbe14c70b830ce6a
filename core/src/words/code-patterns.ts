/**
 * Patterns of internal codes that must never reach a person, for the tests that read generated
 * documents and rendered screens. Precise enough to leave legitimate text alone: published
 * abbreviations (PCI, PAPI, PAR INDEX, SIPAS, PGI), document numbers ("107/KH-UBND",
 * "30/2020/NĐ-CP"), dates ("15/01/2026").
 */
import { INDEX_VERSIONS } from "../indices/definitions/catalog";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "./audit";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Component codes of the national catalogue that are not words people use ("ENTRY", "CKMB", "PAR3"). */
const COMPONENT_CODES = [
  ...new Set(INDEX_VERSIONS.flatMap((v) => v.components.map((c) => c.code.split(".")[0] as string))),
].filter((c) => /^[A-Z]{3,}$/.test(c) && !["PCI", "PAPI", "PGI", "SIPAS"].includes(c));

/** Identifiers of audit records written in camelCase or with a dot ("createChild", "tasks.upsert"). */
const COMPOUND_IDENTIFIERS = [...AUDIT_ACTIONS, ...AUDIT_ENTITIES].filter((a) => /[A-Z.]/.test(a));

export const CODE_PATTERNS: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: "period key", re: /\b\d{4}-(?:M\d{2}|Q\d|H\d|Y)\b/ },
  { name: "ad hoc period key", re: /\bAH\b/ },
  { name: "code with underscores", re: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/ },
  { name: "index version code", re: /\b[A-Z][A-Z_]*[A-Z]-\d{4}\b/ },
  { name: "component code", re: new RegExp(`\\b(?:${COMPONENT_CODES.join("|")})(?:\\.\\d+)*\\b`) },
  { name: "numbered component code", re: /\b(?:PAR|PGI)\d+\b/ },
  {
    name: "audit identifier",
    re: new RegExp(`(?<![\\w.])(?:${COMPOUND_IDENTIFIERS.map(escapeRegExp).join("|")})(?![\\w.])`),
  },
  // English field names of the API and the database ("dueDate", "period_key") in Vietnamese text.
  { name: "camelCase identifier", re: /\b[a-z]+[A-Z][a-zA-Z]*\b/ },
  { name: "snake_case identifier", re: /\b[a-z]+_[a-z_]+\b/ },
  // A raw float (57.417110443115234) printed instead of a rounded figure.
  { name: "unrounded number", re: /\d[.,]\d{5,}/ },
];

/** Every code found in `text`, with the pattern that found it; empty when the text is clean. */
export function findCodes(text: string): Array<{ name: string; match: string }> {
  const found: Array<{ name: string; match: string }> = [];
  for (const { name, re } of CODE_PATTERNS) {
    const global = new RegExp(re.source, `${re.flags.replace("g", "")}g`);
    for (const m of text.matchAll(global)) found.push({ name, match: m[0] });
  }
  return found;
}
