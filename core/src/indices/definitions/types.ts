/**
 * Index definitions are DATA: methodologies change (PCI weights in 2009, 2013, 2022; PAPI in 2016,
 * 2018, 2021…), so every published figure is read against the version valid for its year. These
 * plain objects are seeded into the database later; nothing here may depend on runtime state.
 */
import type { SubjectKind } from "../custom/ddci";

export type IndexCode = "PCI" | "PGI" | "PAPI" | "PAR_INDEX" | "SIPAS" | "INDEX_766";

export type ComponentUnit = "points" | "percent" | "days" | "count" | "scale5";
export type Polarity = "higherIsBetter" | "lowerIsBetter";

/**
 * How a parent is obtained from its children:
 * - weightedMean: Σ wᵢ·vᵢ / Σ wᵢ (missing weights count as equal weights);
 * - sum: Σ vᵢ (PAPI dimensions from sub-dimensions, PAR INDEX points);
 * - mean: arithmetic mean;
 * - points: the children are raw indicators the publisher converts to points with its own scoring
 *   (PCI indicators → sub-index, 766 ratios → points); the parent cannot be recomputed from them.
 */
export type Aggregation = "weightedMean" | "sum" | "points" | "mean";

export interface IndexDefinition {
  code: IndexCode;
  nameVi: string;
  nameEn: string;
  publisher: string;
}

/** How the published total is obtained from the top-level components. */
export interface TotalRule {
  aggregation: Aggregation;
  /** Applied after aggregation: PCI's weighted mean of 10-point sub-indices ×10 gives a 100 scale. */
  multiplier: number;
  /** Human statement of the rule, kept next to the data it describes. */
  description: string;
}

export interface IndexVersion {
  /** Unique across indices, e.g. "PCI-2013". */
  code: string;
  indexCode: IndexCode;
  validFromYear: number;
  /** Last year (inclusive) the version applies to; null while current. */
  validToYear: number | null;
  scaleMax: number;
  totalRule: TotalRule;
  components: readonly Component[];
}

export interface Component {
  /** Unique inside a version; stable across versions when the meaning is the same. */
  code: string;
  parentCode: string | null;
  /** Numbering as the publisher prints it ("1.4", "5.3"). */
  number: string;
  nameVi: string;
  nameEn: string;
  unit: ComponentUnit;
  min: number;
  max: number;
  polarity: Polarity;
  /** Weight in the parent's weighted mean (PCI: % of the total), null when not weighted. */
  weight: number | null;
  /** How this component is obtained from its children; null for a leaf. */
  aggregation: Aggregation | null;
  /** Other codes and labels the publisher's files use for it ("sub1_entry", "SC11", "Entry Costs"). */
  aliases: readonly string[];
  /** A province's DDCI only: the top-level component is scored for departments or communes. */
  subjectKind?: SubjectKind | null;
}
