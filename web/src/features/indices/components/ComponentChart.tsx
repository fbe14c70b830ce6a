import { useTranslation } from "react-i18next";
import { EChart } from "../charts/EChart";
import { formatNumber, useFormat } from "../format";
import type { ComponentTable } from "../indices.api";

/** The top-level components of the province against the national median and the chosen peers. */
export function ComponentChart({ table }: { table: ComponentTable }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = table.rows
    .filter((r) => r.level === 0)
    .sort((a, b) => a.number.localeCompare(b.number, "vi", { numeric: true }));
  if (rows.length === 0) return null;
  const names = rows.map((r) => (r.number ? `${r.number}. ${r.nameVi}` : r.nameVi));
  const series = [
    { name: table.province.name, data: rows.map((r) => r.value) },
    { name: t("indices.components.nationalMedian"), data: rows.map((r) => r.nationalMedian) },
    ...table.peers.map((p) => ({ name: p.name, data: rows.map((r) => r.peers[p.code] ?? null) })),
  ];
  const option = {
    color: ["#0b4f9c", "#8c8c8c", "#d4380d", "#389e0d", "#722ed1", "#d48806", "#08979c", "#c41d7f"],
    legend: { top: 0, type: "scroll" as const },
    tooltip: {
      trigger: "axis" as const,
      axisPointer: { type: "shadow" as const },
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v, 2, f.lang) : "–"),
    },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "value" as const, axisLabel: { formatter: (v: number) => formatNumber(v, 2, f.lang) } },
    yAxis: {
      type: "category" as const,
      inverse: true,
      data: names,
      axisLabel: { width: 220, overflow: "truncate" as const },
    },
    series: series.map((s) => ({ name: s.name, type: "bar" as const, data: s.data })),
  };
  return (
    <EChart
      option={option}
      height={Math.max(280, rows.length * (24 + 10 * series.length) + 60)}
      label={t("indices.components.chartLabel")}
    />
  );
}
