import { Card, Col, Empty, Flex, Radio, Row, Skeleton, Space, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { versionName } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { PlacesChange, ValueChange } from "../components/Change";
import { ComponentChart } from "../components/ComponentChart";
import { ComponentTableView } from "../components/ComponentTableView";
import { ExportButton } from "../components/ExportButton";
import { IndexYearSelects } from "../components/IndexSelect";
import { NoResults } from "../components/NoResults";
import { PeerSelect, ProvinceSelect } from "../components/ProvinceSelect";
import { useFormat } from "../format";
import { componentsXlsxUrl } from "../indices.api";
import { useComponentTable } from "../indices.queries";
import { useIndexParams } from "../useIndexParams";
import { useIndexYear } from "../useIndexYear";

export function ComponentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, province, set } = useIndexParams();
  const { indices, index, years, year, error, refetch, noResults, noResultsAtAll } = useIndexYear(
    params,
    province,
  );
  const level = params.level ?? "all";
  const query = index && year ? { index, year, peers: params.peers.join(",") || undefined, level } : null;
  const table = useComponentTable(province, query);
  const data = table.data;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Space wrap>
          <ProvinceSelect value={province} onChange={(code) => set({ province: code })} />
          <IndexYearSelects indices={indices} index={index} years={years} year={year} set={set} />
          <PeerSelect value={params.peers} onChange={(codes) => set({ peers: codes })} exclude={province} />
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
        </Space>
        <ExportButton
          href={province && query ? componentsXlsxUrl(province, query) : ""}
          disabled={!data}
          testId="components-export"
        />
      </Flex>
      <QueryErrorAlert error={error ?? table.error} onRetry={() => (error ? refetch() : table.refetch())} />
      {table.isLoading ? <Skeleton active /> : null}
      {noResults ? <NoResults province={province} index={index} atAll={noResultsAtAll} /> : null}
      {data && query ? (
        <>
          <Card size="small">
            <Flex gap={32} wrap>
              <Statistic
                title={t("indices.components.totalOf", {
                  index: data.index.code.replace("_", " "),
                  year: data.year,
                })}
                value={f.num(data.total?.score)}
              />
              <Statistic title={t("indices.rank")} value={data.total?.rankText ?? "–"} />
              <div>
                <Typography.Text type="secondary">
                  {t("indices.changeSince", { year: data.previousYear ?? "–" })}
                </Typography.Text>
                <div>
                  <ValueChange value={data.total?.scoreChange} /> ·{" "}
                  <PlacesChange value={data.total?.placesChange} />
                </div>
              </div>
              <Statistic
                title={t("indices.components.nationalMedianTotal")}
                value={f.num(data.nationalMedianTotal)}
              />
              {data.peers.map((p) => (
                <Statistic key={p.code} title={p.name} value={`${f.num(p.score)} (${p.rankText ?? "–"})`} />
              ))}
            </Flex>
            <Typography.Text type="secondary">
              {t("indices.versionUsed", { code: versionName(data.versionCode) })}
            </Typography.Text>
          </Card>
          {data.rows.length === 0 ? (
            <Card>
              <Empty description={t("indices.components.empty")} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24}>
                <Card title={t("indices.components.tableTitle")}>
                  <ComponentTableView table={data} />
                </Card>
              </Col>
              <Col xs={24}>
                <Card title={t("indices.components.chartTitle")}>
                  <ComponentChart table={data} />
                </Card>
              </Col>
            </Row>
          )}
        </>
      ) : null}
    </Space>
  );
}
