/** Every generated account shares this password (one hash, computed once). */
export const BENCH_PASSWORD = "Bench@2026";
export const ADMIN_USERNAME = "bench_admin";

/** bench_u00001, bench_u00002…: users 1..P are the coordinators of provinces 0..P-1. */
export const usernameOf = (n: number) => `bench_u${String(n).padStart(5, "0")}`;
