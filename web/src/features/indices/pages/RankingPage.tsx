import { Card, Empty, Flex, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { PlacesChange, ValueChange } from "../components/Change";
import { ExportButton } from "../components/ExportButton";
import { IndexYearSelects } from "../components/IndexSelect";
import { useFormat } from "../format";
import { type RankingQuery, type RankingRow, rankingXlsxUrl } from "../indices.api";
import { useRanking } from "../indices.queries";
import { useIndexParams } from "../useIndexParams";
import { useIndexYear } from "../useIndexYear";

type Sort = NonNullable<RankingQuery["sort"]>;
const SORTS: readonly Sort[] = ["rank", "name", "score", "scoreChange", "placesChange"];

/**
 * Every province for an index and year: score, rank of n, band, change since the last year of the same
 * method. The server filters and sorts (so the Excel file is the same table); the list is whole (≤ 97).
 */
export function RankingPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, set, provinces } = useIndexParams();
  const { indices, index, years, year, error, refetch } = useIndexYear(params);
  const [search] = useSearchParams();
  const region = search.get("region") || undefined;
  const sortParam = search.get("sort") as Sort | null;
  const sort: Sort = sortParam && SORTS.includes(sortParam) ? sortParam : "rank";
  const order = search.get("order") === "desc" ? "desc" : "asc";
  const query: RankingQuery | null = year ? { year, region, sort, order } : null;
  const ranking = useRanking(index, query);
  const data = ranking.data;
  const mine = provinces.data?.mine;

  const sorted = (key: Sort): SortOrder => (sort === key ? (order === "asc" ? "ascend" : "descend") : null);
  const since = data?.previousYear
    ? t("indices.ranking.since", { year: data.previousYear })
    : t("indices.ranking.sinceNone");

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Space wrap>
          <IndexYearSelects indices={indices} index={index} years={years} year={year} set={set} />
          <Select
            style={{ width: 260, maxWidth: "100%" }}
            allowClear
            placeholder={t("indices.ranking.wholeCountry")}
            value={region}
            onChange={(v?: string) => set({ region: v })}
            options={(data?.regions ?? []).map((r) => ({ value: r, label: r }))}
            aria-label={t("indices.ranking.region")}
            data-testid="ranking-region"
          />
        </Space>
        <ExportButton
          href={index && query ? rankingXlsxUrl(index, query) : ""}
          disabled={!data}
          testId="ranking-export"
        />
      </Flex>
      <QueryErrorAlert
        error={error ?? ranking.error}
        onRetry={() => (error ? refetch() : ranking.refetch())}
      />
      {ranking.isLoading ? <Skeleton active /> : null}
      {!index && indices.length > 0 ? <Empty description={t("indices.noResultsAtAll")} /> : null}
      {data ? (
        <Card data-testid="ranking">
          {/* A title in the body wraps on a phone; a card title would be cut. */}
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("indices.ranking.title", { index: data.index.nameVi, year: data.year })}
          </Typography.Title>
          <Space direction="vertical" size={4} style={{ marginBottom: 12 }}>
            <Typography.Text data-testid="ranking-count">
              {t("indices.ranking.count", {
                count: data.total,
                ranked: data.ranked,
                scale: f.num(data.scaleMax),
              })}
              {data.region ? ` · ${data.region}` : ""}
            </Typography.Text>
            <Typography.Text type="secondary">
              {data.methodBreak ? null : since}
              {data.bandSource === "quartile"
                ? `${data.methodBreak ? "" : " · "}${t("indices.ranking.quartiles")}`
                : ""}
            </Typography.Text>
            {data.methodBreak ? (
              <Typography.Text type="secondary" data-testid="ranking-method-break">
                {t("indices.method.noChange", {
                  year: data.methodBreak.previousYear,
                  from: f.num(data.methodBreak.fromScaleMax),
                })}
              </Typography.Text>
            ) : null}
          </Space>
          <Table<RankingRow>
            size="small"
            rowKey="provinceCode"
            dataSource={data.rows}
            pagination={false}
            scroll={{ x: 720 }}
            rowClassName={(r) => (r.provinceCode === mine ? "idx-row-mine" : "")}
            onChange={(_p, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as Sort) : undefined;
              set({
                sort: key === "rank" ? undefined : key,
                order: s?.order === "descend" ? "desc" : undefined,
              });
            }}
            columns={[
              {
                title: t("indices.rank"),
                key: "rank",
                width: 80,
                fixed: "left",
                sorter: true,
                sortOrder: sorted("rank"),
                render: (_, r) =>
                  r.rankText ? (
                    <Tooltip title={r.rankComputed ? t("indices.rankComputedHelp") : undefined}>
                      <span>{r.rankText}</span>
                    </Tooltip>
                  ) : (
                    "–"
                  ),
              },
              {
                title: t("indices.province.label"),
                key: "name",
                sorter: true,
                sortOrder: sorted("name"),
                render: (_, r) => (
                  <>
                    {r.provinceName}
                    {r.provinceCode === mine ? (
                      <Tag style={{ marginLeft: 6 }}>{t("indices.ranking.mine")}</Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t("indices.score"),
                key: "score",
                align: "right",
                width: 90,
                sorter: true,
                sortOrder: sorted("score"),
                render: (_, r) => f.num(r.score),
              },
              {
                title: t("indices.band"),
                key: "band",
                width: 170,
                render: (_, r) =>
                  r.band ? (
                    <Tooltip title={r.bandComputed ? t("indices.ranking.bandComputed") : undefined}>
                      <span>{r.band}</span>
                    </Tooltip>
                  ) : (
                    "–"
                  ),
              },
              {
                title: t("indices.ranking.scoreChange"),
                key: "scoreChange",
                align: "right",
                width: 120,
                sorter: true,
                sortOrder: sorted("scoreChange"),
                render: (_, r) => <ValueChange value={r.scoreChange} />,
              },
              {
                title: t("indices.ranking.placesChange"),
                key: "placesChange",
                width: 120,
                sorter: true,
                sortOrder: sorted("placesChange"),
                render: (_, r) => <PlacesChange value={r.placesChange} />,
              },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
