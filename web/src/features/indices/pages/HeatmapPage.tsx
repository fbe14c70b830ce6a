import { Card, Empty, Flex, Radio, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { EChart } from "../charts/EChart";
import { IndexSelect } from "../components/IndexSelect";
import { NoResults } from "../components/NoResults";
import { ProvinceSelect } from "../components/ProvinceSelect";
import { formatNumber, useFormat } from "../format";
import type { Heatmap } from "../indices.api";
import { useHeatmap } from "../indices.queries";
import { useIndexParams } from "../useIndexParams";
import { useIndexYear } from "../useIndexYear";

function HeatmapChart({ data }: { data: Heatmap }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const names = data.rows.map((r) => r.nameVi);
  const cells = data.rows.flatMap((r, y) =>
    r.cells.map((c) => ({
      value: [data.years.indexOf(c.year), y, c.performance == null ? "-" : c.performance],
      raw: c,
    })),
  );
  const option = {
    tooltip: {
      formatter: (p: { data: (typeof cells)[number] }) => {
        const row = data.rows[p.data.value[1] as number];
        const c = p.data.raw;
        return [
          `<b>${row?.nameVi ?? ""}</b> — ${c.year}`,
          `${t("indices.value")}: ${formatNumber(c.value, 2, lang)}`,
          `${t("indices.rank")}: ${c.rank ?? "–"}`,
          `${t("indices.heatmap.performance")}: ${formatNumber(c.performance, 2, lang)}`,
          row?.polarity === "lowerIsBetter" ? t("indices.components.lowerIsBetter") : "",
        ]
          .filter(Boolean)
          .join("<br/>");
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 64, containLabel: true },
    xAxis: { type: "category" as const, data: data.years.map(String), splitArea: { show: true } },
    yAxis: {
      type: "category" as const,
      data: names,
      inverse: true,
      axisLabel: { width: 260, overflow: "truncate" as const },
    },
    visualMap: {
      min: 0,
      max: 1,
      calculable: true,
      orient: "horizontal" as const,
      left: "center",
      bottom: 0,
      text: [t("indices.heatmap.best"), t("indices.heatmap.worst")],
      inRange: { color: ["#cf1322", "#fadb14", "#237804"] },
    },
    series: [
      {
        type: "heatmap" as const,
        data: cells,
        label: {
          show: data.years.length <= 16 && names.length <= 40,
          fontSize: 10,
          formatter: (p: { data: (typeof cells)[number] }) => formatNumber(p.data.raw.value, 1, lang),
        },
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={Math.max(260, names.length * 28 + 110)}
      label={t("indices.heatmap.chartLabel", { index: data.index, province: data.province.name })}
    />
  );
}

export function HeatmapPage() {
  const { t } = useTranslation();
  const { params, province, set } = useIndexParams();
  const { indices, index, error, refetch, noResults, noResultsAtAll } = useIndexYear(params, province);
  const level = params.level ?? "top";
  const heat = useHeatmap(province, index && !noResults ? { index, level } : null);
  const data = heat.data;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center">
        <ProvinceSelect value={province} onChange={(code) => set({ province: code })} />
        <IndexSelect
          indices={indices}
          value={index}
          onChange={(code) => set({ index: code })}
          onlyWithResults
        />
        <Radio.Group
          value={level}
          onChange={(e) => set({ level: e.target.value })}
          optionType="button"
          aria-label={t("indices.level")}
          options={[
            { value: "top", label: t("indices.levelTop") },
            { value: "all", label: t("indices.levelAll") },
          ]}
        />
      </Flex>
      <QueryErrorAlert error={error ?? heat.error} onRetry={() => (error ? refetch() : heat.refetch())} />
      {heat.isLoading ? <Skeleton active /> : null}
      {noResults ? <NoResults province={province} index={index} atAll={noResultsAtAll} /> : null}
      {data && !noResults ? (
        <Card
          title={t("indices.heatmap.title", {
            index: data.index.replace("_", " "),
            province: data.province.name,
          })}
        >
          {data.rows.length === 0 || data.years.length === 0 ? (
            <Empty description={t("indices.heatmap.empty")} />
          ) : (
            <>
              <HeatmapChart data={data} />
              <Typography.Text type="secondary">{t("indices.heatmap.help")}</Typography.Text>
            </>
          )}
        </Card>
      ) : null}
    </Space>
  );
}
