import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { versionName } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { EChart } from "../charts/EChart";
import { IndexSelect, YearSelect } from "../components/IndexSelect";
import { byNumber, formatNumber, useFormat } from "../format";
import type { Weights } from "../indices.api";
import { useWeights } from "../indices.queries";
import { useIndexParams } from "../useIndexParams";
import { useIndexYear } from "../useIndexYear";

type WeightRow = Weights["rows"][number];

export function WeightsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { params, set } = useIndexParams();
  const { indices, index, def, defs } = useIndexYear(params);
  const versionYears = def?.versions.map((v) => v.validFromYear) ?? [];
  const resultYears = def?.years.map((y) => y.year) ?? [];
  const years = [...new Set([...versionYears, ...resultYears])];
  const weights = useWeights(index, params.year);
  const data = weights.data;
  const rows = data?.rows ?? [];
  const top = rows.filter((r) => r.parentCode === null && r.worth != null);

  const option = {
    tooltip: {
      trigger: "axis" as const,
      axisPointer: { type: "shadow" as const },
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatNumber(v, 3, f.lang) : "–"),
    },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: "value" as const,
      name: t("indices.weights.worthAxis"),
      axisLabel: { formatter: (v: number) => formatNumber(v, 2, f.lang) },
    },
    yAxis: {
      type: "category" as const,
      inverse: true,
      data: top.map((r) => r.nameVi),
      axisLabel: { width: 220, overflow: "truncate" as const },
    },
    series: [
      {
        type: "bar" as const,
        name: t("indices.weights.worth"),
        data: top.map((r) => r.worth),
        itemStyle: { color: "#0b4f9c" },
        label: {
          show: true,
          position: "right" as const,
          formatter: (p: { value: number }) => formatNumber(p.value, 3, f.lang),
        },
      },
    ],
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center">
        <IndexSelect
          indices={indices}
          value={index}
          onChange={(code) => set({ index: code, year: undefined })}
        />
        <YearSelect years={years} value={params.year} onChange={(y) => set({ year: y })} allowClear />
      </Flex>
      <QueryErrorAlert error={defs.error ?? weights.error} onRetry={() => weights.refetch()} />
      {weights.isLoading ? <Skeleton active /> : null}
      {data ? (
        <>
          <Alert
            type="info"
            showIcon
            title={t("indices.weights.rule", { version: versionName(data.versionCode, i18n.language) })}
            description={data.totalRule.description || undefined}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t("indices.weights.tableTitle")}>
                <Table<WeightRow>
                  size="small"
                  rowKey="code"
                  dataSource={rows}
                  pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: t("indices.weights.empty") }}
                  columns={[
                    { title: t("indices.components.component"), dataIndex: "nameVi", key: "name" },
                    {
                      title: t("indices.weight"),
                      key: "weight",
                      align: "right",
                      sorter: byNumber((r: WeightRow) => r.weight),
                      render: (_, r) => f.num(r.weight),
                    },
                    {
                      title: t("indices.weights.worth"),
                      key: "worth",
                      align: "right",
                      sorter: byNumber((r: WeightRow) => r.worth),
                      defaultSortOrder: "descend",
                      render: (_, r) => f.num(r.worth, 3),
                    },
                    {
                      title: t("indices.weights.statement"),
                      key: "statement",
                      render: (_, r) =>
                        r.statement ?? (
                          <Typography.Text type="secondary">{t("indices.weights.noWorth")}</Typography.Text>
                        ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t("indices.weights.chartTitle")}>
                {top.length ? (
                  <EChart
                    option={option}
                    height={Math.max(240, top.length * 36 + 40)}
                    label={t("indices.weights.chartTitle")}
                  />
                ) : (
                  <Empty description={t("indices.weights.noWorth")} />
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </Space>
  );
}
