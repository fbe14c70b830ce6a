/** How much data a scale holds: per-province unit counts vary around these so provinces differ. */
export interface ScaleSpec {
  provinces: number;
  users: number;
  communes: { min: number; max: number };
  centralAgencies: number;
  /** Internal units (phòng, chi cục) under each department. */
  internalPerDepartment: number;
  historicalDistricts: { min: number; max: number };
  /** Issued plans per province; tasks and assignments in all, spread over the provinces. */
  plans: { plansPerProvince: number; tasks: number; assignments: number };
}

export const SCALES = {
  // One merged province like Gia Lai: about 260 units.
  province: {
    provinces: 1,
    users: 500,
    communes: { min: 135, max: 135 },
    centralAgencies: 12,
    internalPerDepartment: 5,
    historicalDistricts: { min: 17, max: 17 },
    plans: { plansPerProvince: 20, tasks: 2_000, assignments: 60_000 },
  },
  // The 34 provinces and cities after 1 July 2025: about 4,000 units (3,321 communes in reality).
  national: {
    provinces: 34,
    users: 40_000,
    communes: { min: 45, max: 105 },
    centralAgencies: 6,
    internalPerDepartment: 1,
    historicalDistricts: { min: 4, max: 8 },
    plans: { plansPerProvince: 12, tasks: 40_000, assignments: 1_000_000 },
  },
} as const satisfies Record<string, ScaleSpec>;

export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];
