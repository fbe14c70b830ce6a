import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { EChart } from "../charts/EChart";
import { formatNumber, useFormat } from "../format";
import type { ProfilePoint } from "../indices.api";

export type NamedSeries = { name: string; points: ProfilePoint[] };

const COLORS = ["#0b4f9c", "#d4380d", "#389e0d", "#722ed1", "#d48806", "#08979c"];

/** Score and rank over the years; one line per province series (predecessors never averaged). */
export function ProfileCharts({ indexName, series }: { indexName: string; series: NamedSeries[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const at = (s: NamedSeries, y: number) => s.points.find((p) => p.year === y);
  const maxOf = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.rankOf ?? 0)));

  const base = {
    color: COLORS,
    legend: { top: 0, type: "scroll" as const },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category" as const, data: years.map(String) },
  };
  const scoreOption = {
    ...base,
    tooltip: {
      trigger: "axis" as const,
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v, 2, f.lang) : "–"),
    },
    yAxis: {
      type: "value" as const,
      scale: true,
      name: t("indices.score"),
      axisLabel: { formatter: (v: number) => formatNumber(v, 2, f.lang) },
    },
    series: series.map((s) => ({
      name: s.name,
      type: "line" as const,
      connectNulls: true,
      data: years.map((y) => at(s, y)?.score ?? null),
    })),
  };
  const rankOption = {
    ...base,
    tooltip: {
      trigger: "axis" as const,
      formatter: (
        items: Array<{ seriesIndex: number; dataIndex: number; marker: string; seriesName: string }>,
      ) =>
        [
          years[items[0]?.dataIndex ?? 0],
          ...items.map((i) => {
            const p = at(series[i.seriesIndex] as NamedSeries, years[i.dataIndex] as number);
            return `${i.marker}${i.seriesName}: <b>${p?.rankText ?? "–"}</b>`;
          }),
        ].join("<br/>"),
    },
    yAxis: {
      type: "value" as const,
      inverse: true,
      min: 1,
      max: maxOf,
      name: t("indices.rank"),
      minInterval: 1,
    },
    series: series.map((s) => ({
      name: s.name,
      type: "line" as const,
      connectNulls: true,
      data: years.map((y) => at(s, y)?.rank ?? null),
    })),
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <EChart
          option={scoreOption}
          height={260}
          label={t("indices.profile.scoreChart", { index: indexName })}
        />
      </Col>
      <Col xs={24} lg={12}>
        <EChart
          option={rankOption}
          height={260}
          label={t("indices.profile.rankChart", { index: indexName })}
        />
      </Col>
    </Row>
  );
}
