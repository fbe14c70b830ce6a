import { Table, type TableColumnsType, Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { indexAbbreviation, versionName } from "../../../../../core/src/words/indices";
import { byNumber, useFormat } from "../format";
import type { Profile, ProfilePoint } from "../indices.api";
import { seriesLabel } from "../seriesLabel";
import { PlacesChange, ValueChange } from "./Change";

type Row = ProfilePoint & { key: string; indexCode: string; series: string };

/** Every figure of the profile, one row per index, province series and year. */
export function ProfileTable({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === "en";
  const rows = useMemo<Row[]>(
    () =>
      profile.series.flatMap((s) =>
        s.indices.flatMap((i) =>
          i.points.map((p) => ({
            ...p,
            key: `${s.provinceCode}-${i.indexCode}-${p.year}`,
            indexCode: i.indexCode,
            series: seriesLabel(s, t, en),
          })),
        ),
      ),
    [profile, t, en],
  );
  const uniq = (xs: string[]) => [...new Set(xs)].map((x) => ({ text: indexAbbreviation(x), value: x }));
  const columns: TableColumnsType<Row> = [
    {
      title: t("indices.index"),
      dataIndex: "indexCode",
      key: "index",
      width: 110,
      filters: uniq(rows.map((r) => r.indexCode)),
      onFilter: (v, r) => r.indexCode === v,
      render: (v: string) => indexAbbreviation(v),
    },
    {
      title: t("indices.province.label"),
      dataIndex: "series",
      key: "series",
      filters: uniq(rows.map((r) => r.series)),
      onFilter: (v, r) => r.series === v,
    },
    {
      title: t("indices.year"),
      dataIndex: "year",
      key: "year",
      width: 80,
      sorter: (a, b) => a.year - b.year,
      defaultSortOrder: "descend",
    },
    {
      title: t("indices.score"),
      key: "score",
      align: "right",
      sorter: byNumber((r: Row) => r.score),
      render: (_, r) => f.num(r.score),
    },
    {
      title: t("indices.rank"),
      key: "rank",
      align: "right",
      sorter: byNumber((r: Row) => r.rank),
      render: (_, r) => (
        <>
          {r.rankText ?? "–"} {r.rankComputed ? <Tag>{t("indices.computed")}</Tag> : null}
        </>
      ),
    },
    { title: t("indices.band"), dataIndex: "band", key: "band", render: (v: string | null) => v ?? "–" },
    {
      title: t("indices.scoreChange"),
      key: "scoreChange",
      align: "right",
      sorter: byNumber((r: Row) => r.scoreChange),
      render: (_, r) => <ValueChange value={r.scoreChange} />,
    },
    {
      title: t("indices.placesChange"),
      key: "placesChange",
      align: "right",
      sorter: byNumber((r: Row) => r.placesChange),
      render: (_, r) => <PlacesChange value={r.placesChange} />,
    },
    {
      title: t("indices.version"),
      dataIndex: "versionCode",
      key: "version",
      render: (v: string) => versionName(v),
      responsive: ["xl"],
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        showTotal: (n) => t("common.total", { count: n }),
      }}
      locale={{ emptyText: t("indices.profile.empty") }}
      scroll={{ x: 900 }}
    />
  );
}
