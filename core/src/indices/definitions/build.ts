/** Small constructors so that the data files read like the publishers' tables. */
import type { Aggregation, Component, ComponentUnit, Polarity } from "./types";

export interface ComponentInput {
  code: string;
  number: string;
  nameVi: string;
  nameEn: string;
  parentCode?: string | null;
  unit?: ComponentUnit;
  min?: number;
  max: number;
  polarity?: Polarity;
  weight?: number | null;
  aggregation?: Aggregation | null;
  aliases?: readonly string[];
}

export function component(input: ComponentInput): Component {
  return {
    code: input.code,
    parentCode: input.parentCode ?? null,
    number: input.number,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    unit: input.unit ?? "points",
    min: input.min ?? 0,
    max: input.max,
    polarity: input.polarity ?? "higherIsBetter",
    weight: input.weight ?? null,
    aggregation: input.aggregation ?? null,
    aliases: input.aliases ?? [],
  };
}
