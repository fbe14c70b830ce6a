/** Nearest-rank percentile of sorted values (autocannon's own histogram has p97.5 but no p95). */
export function percentile({ sorted, p }: { sorted: number[]; p: number }): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
