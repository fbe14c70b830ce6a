export * from "./catalog";
export * from "./others";
export { PAPI, PAPI_TIERS, PAPI_VERSIONS } from "./papi";
export { PCI, PCI_BANDS, PCI_VERSIONS } from "./pci";
export { PCI_2022_INDICATORS } from "./pci-indicators-2022";
export type * from "./types";
