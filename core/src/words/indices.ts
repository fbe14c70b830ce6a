/**
 * Names of indices, index versions and components as a person reads them: "Chỉ số cải cách hành
 * chính (PAR INDEX)", "PCI 2022 · Gia nhập thị trường". Codes ("PAR_INDEX", "PCI-2022", "ENTRY")
 * are keys: they never reach a person. Published abbreviations (PCI, PAPI, PAR INDEX, SIPAS, PGI)
 * are words people use and are kept.
 */
import { DDCI_SHORT_NAME, isDdciCode } from "../indices/custom/ddci";
import { INDEX_DEFINITIONS, versionByCode } from "../indices/definitions/catalog";
import { type Lang, langOf } from "./lang";

/** Abbreviations as the publishers print them, where the code differs. */
const ABBREVIATIONS: Record<string, { vi: string; en: string }> = {
  PAR_INDEX: { vi: "PAR INDEX", en: "PAR INDEX" },
  INDEX_766: { vi: "Chỉ số 766", en: "Index 766" },
};

/**
 * "PCI", "PAR INDEX", "Chỉ số 766"; a province's DDCI is "DDCI" (its code carries the province's id,
 * which no person reads); another custom index by its code with spaces ("DDCI GL").
 */
export function indexAbbreviation(code: string, lang?: Lang | string): string {
  if (isDdciCode(code)) return DDCI_SHORT_NAME;
  return ABBREVIATIONS[code]?.[langOf(lang)] ?? code.replace(/_/g, " ");
}

/**
 * The full name with its abbreviation: "Chỉ số cải cách hành chính (PAR INDEX)". Names come from the
 * catalogue passed in (the database's, which holds custom indices) or core's national one.
 */
export function indexName(
  code: string,
  lang?: Lang | string,
  catalogue: ReadonlyArray<{ code: string; nameVi: string; nameEn: string }> = INDEX_DEFINITIONS,
): string {
  const l = langOf(lang);
  const def = catalogue.find((d) => d.code === code);
  const abbreviation = indexAbbreviation(code, l);
  if (!def) return abbreviation;
  const name = l === "en" ? def.nameEn : def.nameVi;
  // The 766 index's name already says which decision it comes from.
  return code === "INDEX_766" || name.includes(abbreviation) ? name : `${name} (${abbreviation})`;
}

/**
 * "PCI-2022" → "PCI 2022", "PAR_INDEX-2022" → "PAR INDEX 2022": the index and the version's first
 * year; a revision says which ("DDCI_…-2026.r2" → "DDCI 2026, bản sửa đổi 2").
 */
export function versionName(versionCode: string, lang?: Lang | string): string {
  const known = versionByCode(versionCode);
  if (known) return `${indexAbbreviation(known.indexCode, lang)} ${known.validFromYear}`;
  const m = /^(.*)-(\d{4})(?:\.r(\d+))?$/.exec(versionCode);
  if (!m) return indexAbbreviation(versionCode, lang);
  const base = `${indexAbbreviation(m[1] as string, lang)} ${m[2]}`;
  if (!m[3]) return base;
  return langOf(lang) === "en" ? `${base}, revision ${m[3]}` : `${base}, bản sửa đổi ${m[3]}`;
}

/**
 * A component's name from core's national catalogue; a custom index's components have their names in
 * the database (pass them as `name`). Null when the component is unknown.
 */
export function componentName(
  versionCode: string,
  componentCode: string,
  lang?: Lang | string,
): string | null {
  const c = versionByCode(versionCode)?.components.find((x) => x.code === componentCode);
  if (!c) return null;
  return langOf(lang) === "en" ? c.nameEn : c.nameVi;
}

/**
 * "PCI 2022 · Gia nhập thị trường". `name` is the component's name when the caller read it (from
 * the database); otherwise it is looked up in the national catalogue, and an unknown component is
 * named by the version alone rather than by its code.
 */
export function componentLabel(
  c: { versionCode: string; componentCode: string; name?: string | null },
  lang?: Lang | string,
): string {
  const name = c.name ?? componentName(c.versionCode, c.componentCode, lang);
  const version = versionName(c.versionCode, lang);
  return name ? `${version} · ${name}` : version;
}

/** What each publisher calls the parts of its index, top level and below (Vietnamese). */
const COMPONENT_KINDS: Record<string, { top: string; child: string }> = {
  PAPI: { top: "chỉ số nội dung", child: "nội dung thành phần" },
  PAR_INDEX: { top: "lĩnh vực", child: "tiêu chí" },
  INDEX_766: { top: "nhóm chỉ số", child: "chỉ tiêu" },
};

/** "chỉ số nội dung" (a PAPI dimension), "chỉ số thành phần" (a PCI sub-index), "chỉ tiêu" below them. */
export function componentKindName(indexCode: string, level: "top" | "child"): string {
  return COMPONENT_KINDS[indexCode]?.[level] ?? (level === "top" ? "chỉ số thành phần" : "chỉ tiêu");
}
