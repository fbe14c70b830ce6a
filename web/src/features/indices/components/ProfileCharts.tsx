import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { methodSegment } from "../../../../../core/src/indices/arithmetic/method";
import { EChart } from "../charts/EChart";
import { formatNumber, useFormat } from "../format";
import type { ProfilePoint } from "../indices.api";
import { breaksWithin, type MethodBreak } from "../methodBreaks";
import { MethodNote } from "./MethodNote";

export type NamedSeries = { name: string; points: ProfilePoint[] };

const COLORS = ["#0b4f9c", "#d4380d", "#389e0d", "#722ed1", "#d48806", "#08979c"];

type AxisItem = {
  seriesIndex: number;
  dataIndex: number;
  marker: string;
  seriesName: string;
  value: unknown;
};

/**
 * Score and rank over the years; one line per province series (predecessors never averaged). A line
 * stops where the index changed method and starts again after it (one chart series per method
 * segment, same name and colour, so the legend still shows one province), and a note says why.
 */
export function ProfileCharts({
  indexName,
  series,
  breaks: allBreaks = [],
}: {
  indexName: string;
  series: NamedSeries[];
  breaks?: readonly MethodBreak[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const breaks = breaksWithin(allBreaks, years);
  const at = (s: NamedSeries, y: number) => s.points.find((p) => p.year === y);
  const maxOf = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.rankOf ?? 0)));
  const segments = [...new Set(years.map((y) => methodSegment(breaks, y)))];
  const lines = series.flatMap((s, i) =>
    segments
      .filter((k) => s.points.some((p) => methodSegment(breaks, p.year) === k))
      .map((k) => ({ source: s, color: COLORS[i % COLORS.length] as string, segment: k })),
  );
  const inSegment = (k: number, y: number) => methodSegment(breaks, y) === k;
  const markBreaks = breaks.length
    ? {
        silent: true,
        symbol: "none",
        lineStyle: { type: "dashed" as const, color: "#8c8c8c" },
        label: { formatter: t("indices.method.mark"), position: "insideEndTop" as const, color: "#595959" },
        data: breaks.map((b) => ({ xAxis: String(b.year) })),
      }
    : undefined;
  const tooltip = (text: (line: (typeof lines)[number], year: number) => string) => ({
    trigger: "axis" as const,
    formatter: (items: AxisItem[]) => {
      const year = years[items[0]?.dataIndex ?? 0] as number;
      const shown = items.filter((i) => i.value != null);
      return [
        year,
        ...shown.map((i) => {
          const line = lines[i.seriesIndex];
          return line ? `${i.marker}${i.seriesName}: <b>${text(line, year)}</b>` : "";
        }),
      ].join("<br/>");
    },
  });

  const base = {
    legend: { top: 0, type: "scroll" as const, data: series.map((s) => s.name) },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category" as const, data: years.map(String) },
  };
  const scoreOption = {
    ...base,
    tooltip: tooltip((line, y) => formatNumber(at(line.source, y)?.score, 2, f.lang)),
    yAxis: {
      type: "value" as const,
      scale: true,
      name: t("indices.score"),
      axisLabel: { formatter: (v: number) => formatNumber(v, 2, f.lang) },
    },
    series: lines.map((line, i) => ({
      name: line.source.name,
      type: "line" as const,
      color: line.color,
      connectNulls: true,
      data: years.map((y) => (inSegment(line.segment, y) ? (at(line.source, y)?.score ?? null) : null)),
      ...(i === 0 && markBreaks ? { markLine: markBreaks } : {}),
    })),
  };
  const rankOption = {
    ...base,
    tooltip: tooltip((line, y) => at(line.source, y)?.rankText ?? "–"),
    yAxis: {
      type: "value" as const,
      inverse: true,
      min: 1,
      max: maxOf,
      name: t("indices.rank"),
      minInterval: 1,
    },
    series: lines.map((line, i) => ({
      name: line.source.name,
      type: "line" as const,
      color: line.color,
      connectNulls: true,
      data: years.map((y) => (inSegment(line.segment, y) ? (at(line.source, y)?.rank ?? null) : null)),
      ...(i === 0 && markBreaks ? { markLine: markBreaks } : {}),
    })),
  };
  return (
    <>
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
      <MethodNote index={indexName} breaks={breaks} />
    </>
  );
}
