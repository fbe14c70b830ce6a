import { CalculatorOutlined, UndoOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  InputNumber,
  Row,
  Skeleton,
  Slider,
  Space,
  Statistic,
  Table,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { PlacesChange, ValueChange } from "../components/Change";
import { IndexYearSelects } from "../components/IndexSelect";
import { NoResults } from "../components/NoResults";
import { ProvinceSelect } from "../components/ProvinceSelect";
import { useFormat } from "../format";
import type { ComponentRow } from "../indices.api";
import { useComponentTable, useVersion, useWhatIf } from "../indices.queries";
import { useIndexParams } from "../useIndexParams";
import { useIndexYear } from "../useIndexYear";

/** "What if land access rose by 0.5 and informal charges by 0.3?": the new total and rank. */
export function WhatIfPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const f = useFormat();
  const { params, province, set } = useIndexParams();
  const { indices, index, years, year, error, refetch, noResults, noResultsAtAll } = useIndexYear(
    params,
    province,
  );
  const table = useComponentTable(province, index && year ? { index, year, level: "top" } : null);
  const version = useVersion(table.data?.versionCode);
  const whatIf = useWhatIf();
  const [deltas, setDeltas] = useState<Record<string, number>>({});

  // A new province, index or year starts from the published figures.
  const scope = `${province}|${index}|${year}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the scope changes
  useEffect(() => {
    setDeltas({});
    whatIf.reset();
  }, [scope]);

  // Without a result for this province and index there is nothing to change (not the previous table).
  const rows = (noResults ? [] : (table.data?.rows ?? []))
    .filter((r) => r.level === 0)
    .sort((a, b) => a.number.localeCompare(b.number, "vi", { numeric: true }));
  const range = (r: ComponentRow) => {
    const c = version.data?.components.find((x) => x.code === r.code);
    const min = c?.min ?? 0;
    const max = c?.max ?? 10;
    const v = r.value ?? min;
    return { down: min - v, up: max - v, step: max - min > 20 ? 1 : 0.1 };
  };
  const changes = Object.entries(deltas)
    .filter(([, d]) => d !== 0 && Number.isFinite(d))
    .map(([code, delta]) => ({ code, delta }));
  const apply = () => {
    if (!province || !index || !year || changes.length === 0) return;
    whatIf.mutate({ province, input: { index, year, changes } });
  };
  const reset = () => {
    setDeltas({});
    whatIf.reset();
  };
  const result = whatIf.data;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center">
        <ProvinceSelect value={province} onChange={(code) => set({ province: code })} />
        <IndexYearSelects indices={indices} index={index} years={years} year={year} set={set} />
      </Flex>
      <QueryErrorAlert error={error ?? table.error} onRetry={() => (error ? refetch() : table.refetch())} />
      {table.isLoading ? <Skeleton active /> : null}
      {noResults ? <NoResults province={province} index={index} atAll={noResultsAtAll} /> : null}
      {table.data && rows.length === 0 ? <Empty description={t("indices.whatIf.noComponents")} /> : null}
      {rows.length > 0 ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={t("indices.whatIf.changes")}
              extra={
                <Space>
                  <Button icon={<UndoOutlined />} onClick={reset} data-testid="whatif-reset">
                    {t("indices.whatIf.reset")}
                  </Button>
                  <Button
                    type="primary"
                    icon={<CalculatorOutlined />}
                    onClick={apply}
                    loading={whatIf.isPending}
                    disabled={changes.length === 0}
                    data-testid="whatif-apply"
                  >
                    {t("indices.whatIf.apply")}
                  </Button>
                </Space>
              }
            >
              <Table<ComponentRow>
                size="small"
                rowKey="code"
                dataSource={rows}
                pagination={false}
                columns={[
                  {
                    title: t("indices.components.component"),
                    key: "name",
                    render: (_, r) =>
                      `${r.number ? `${r.number}. ` : ""}${en ? r.nameEn || r.nameVi : r.nameVi}`,
                  },
                  {
                    title: t("indices.whatIf.published"),
                    key: "value",
                    align: "right",
                    width: 90,
                    render: (_, r) => f.num(r.value),
                  },
                  {
                    title: t("indices.whatIf.delta"),
                    key: "delta",
                    width: 280,
                    render: (_, r) => {
                      const { down, up, step } = range(r);
                      const value = deltas[r.code] ?? 0;
                      const onChange = (v: number | null) => setDeltas((d) => ({ ...d, [r.code]: v ?? 0 }));
                      return (
                        <Flex gap={8} align="center">
                          <Slider
                            style={{ flex: 1, minWidth: 100 }}
                            min={Math.min(0, down)}
                            max={Math.max(0, up)}
                            step={step}
                            value={value}
                            onChange={onChange}
                            disabled={r.value == null}
                            aria-label={t("indices.whatIf.deltaFor", { name: r.nameVi })}
                            tooltip={{ formatter: (v) => f.signed(v ?? 0) }}
                          />
                          <InputNumber
                            size="small"
                            style={{ width: 90 }}
                            step={step}
                            min={Math.min(0, down)}
                            max={Math.max(0, up)}
                            value={value}
                            onChange={onChange}
                            decimalSeparator={f.lang === "vi" ? "," : "."}
                            disabled={r.value == null}
                            aria-label={t("indices.whatIf.deltaFor", { name: r.nameVi })}
                            data-testid={`whatif-delta-${r.code}`}
                          />
                        </Flex>
                      );
                    },
                  },
                  {
                    title: t("indices.whatIf.newValue"),
                    key: "new",
                    align: "right",
                    width: 90,
                    render: (_, r) => (deltas[r.code] ? f.num((r.value ?? 0) + (deltas[r.code] ?? 0)) : "–"),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t("indices.whatIf.result")} data-testid="whatif-result">
              {whatIf.error ? <Alert type="error" showIcon title={whatIf.error.message} /> : null}
              {!result && !whatIf.error ? (
                <Typography.Text type="secondary">{t("indices.whatIf.hint")}</Typography.Text>
              ) : null}
              {result ? (
                <Space direction="vertical" style={{ width: "100%" }}>
                  <Flex gap={32} wrap>
                    <Statistic title={t("indices.whatIf.newTotal")} value={f.num(result.newTotal)} />
                    <Statistic
                      title={t("indices.whatIf.newRank")}
                      value={result.newRank ? `${result.newRank}/${result.outOf}` : "–"}
                    />
                  </Flex>
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={t("indices.whatIf.baseTotal")}>
                      {f.num(result.baseTotal)}
                      {result.publishedTotal != null
                        ? ` (${t("indices.whatIf.publishedTotal")}: ${f.num(result.publishedTotal)})`
                        : ""}
                    </Descriptions.Item>
                    <Descriptions.Item label={t("indices.whatIf.totalChange")}>
                      <ValueChange value={result.totalChange} digits={3} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t("indices.whatIf.baseRank")}>
                      {result.baseRank ? `${result.baseRank}/${result.outOf}` : "–"}
                    </Descriptions.Item>
                    <Descriptions.Item label={t("indices.whatIf.placesGained")}>
                      <PlacesChange value={result.placesChange} />
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Text type="secondary">
                    {t("indices.whatIf.against", { count: result.outOf - 1, year: result.year })}
                  </Typography.Text>
                  {result.missing.length ? (
                    <Alert
                      type="warning"
                      showIcon
                      title={t("indices.whatIf.missing", { list: result.missing.join(", ") })}
                    />
                  ) : null}
                  <Typography.Title level={5}>{t("indices.whatIf.applied")}</Typography.Title>
                  <ul>
                    {result.applied.map((a) => (
                      <li key={a.code}>
                        {a.nameVi}: {f.num(a.from)} → {f.num(a.to)}
                      </li>
                    ))}
                  </ul>
                </Space>
              ) : null}
            </Card>
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
