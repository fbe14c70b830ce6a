/** All index definitions and versions, and the lookups the rest of the code uses. */
import {
  INDEX_766,
  INDEX_766_VERSIONS,
  PAR_INDEX,
  PAR_INDEX_VERSIONS,
  PGI,
  PGI_VERSIONS,
  SIPAS,
  SIPAS_VERSIONS,
} from "./others";
import { PAPI, PAPI_VERSIONS } from "./papi";
import { PCI, PCI_VERSIONS } from "./pci";
import type { Component, IndexCode, IndexDefinition, IndexVersion } from "./types";

export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [PCI, PGI, PAPI, PAR_INDEX, SIPAS, INDEX_766];

export const INDEX_VERSIONS: readonly IndexVersion[] = [
  ...PCI_VERSIONS,
  ...PGI_VERSIONS,
  ...PAPI_VERSIONS,
  ...PAR_INDEX_VERSIONS,
  ...SIPAS_VERSIONS,
  ...INDEX_766_VERSIONS,
];

export function indexDefinition(code: IndexCode): IndexDefinition {
  const def = INDEX_DEFINITIONS.find((d) => d.code === code);
  if (!def) throw new Error(`Unknown index ${code}`);
  return def;
}

export function versionsOf(code: IndexCode): IndexVersion[] {
  return INDEX_VERSIONS.filter((v) => v.indexCode === code);
}

/** The version whose validity covers `year`, or null (e.g. PGI before 2022). */
export function versionFor(code: IndexCode, year: number): IndexVersion | null {
  return (
    versionsOf(code).find(
      (v) => v.validFromYear <= year && (v.validToYear === null || year <= v.validToYear),
    ) ?? null
  );
}

export function versionByCode(code: string): IndexVersion | null {
  return INDEX_VERSIONS.find((v) => v.code === code) ?? null;
}

export function topLevelComponents(version: IndexVersion): Component[] {
  return version.components.filter((c) => c.parentCode === null);
}

export function childrenOf(version: IndexVersion, code: string): Component[] {
  return version.components.filter((c) => c.parentCode === code);
}

export function componentOf(version: IndexVersion, code: string): Component | null {
  return version.components.find((c) => c.code === code) ?? null;
}

export function isIndexCode(value: string): value is IndexCode {
  return INDEX_DEFINITIONS.some((d) => d.code === value);
}
