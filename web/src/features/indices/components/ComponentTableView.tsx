import { Input, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { foldVietnamese } from "../../../../../core/src/text/vietnamese";
import { byNumber, useFormat } from "../format";
import type { ComponentRow, ComponentTable } from "../indices.api";
import { PlacesChange, ValueChange } from "./Change";

/** Components with value, rank, change (coloured by polarity), median and peers; weakest and falling first. */
export function ComponentTableView({ table }: { table: ComponentTable }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === "en";
  const [text, setText] = useState("");
  const q = foldVietnamese(text);
  const rows = q
    ? table.rows.filter((r) => foldVietnamese(`${r.number} ${r.code} ${r.nameVi} ${r.nameEn}`).includes(q))
    : table.rows;

  const columns: TableColumnsType<ComponentRow> = [
    {
      title: t("indices.components.component"),
      key: "name",
      fixed: "left",
      width: 300,
      sorter: (a, b) => a.number.localeCompare(b.number, "vi", { numeric: true }),
      filters: [
        { text: t("indices.components.weakest"), value: "weakest" },
        { text: t("indices.components.falling"), value: "falling" },
        { text: t("indices.components.lowerIsBetter"), value: "lower" },
      ],
      onFilter: (v, r) =>
        v === "weakest" ? r.weakest : v === "falling" ? r.falling : r.polarity === "lowerIsBetter",
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <span style={{ paddingLeft: r.level * 16 }}>
            {r.number ? `${r.number}. ` : ""}
            {en ? r.nameEn || r.nameVi : r.nameVi}
          </span>
          <Space size={4} wrap>
            {r.weakest ? <Tag color="red">{t("indices.components.weakest")}</Tag> : null}
            {r.falling ? <Tag color="orange">{t("indices.components.falling")}</Tag> : null}
            {r.polarity === "lowerIsBetter" ? (
              <Tooltip title={t("indices.components.lowerIsBetterHelp")}>
                <Tag>{t("indices.components.lowerIsBetter")}</Tag>
              </Tooltip>
            ) : null}
          </Space>
        </Space>
      ),
    },
    {
      title: t("indices.value"),
      key: "value",
      align: "right",
      width: 90,
      sorter: byNumber((r: ComponentRow) => r.value),
      render: (_, r) => (
        <>
          {f.num(r.value)}
          {r.unit === "percent" && r.value != null ? " %" : ""}
        </>
      ),
    },
    {
      title: t("indices.rank"),
      key: "rank",
      align: "right",
      width: 90,
      sorter: byNumber((r: ComponentRow) => r.rank),
      render: (_, r) => r.rankText ?? "–",
    },
    {
      title: t("indices.components.valueChange", { year: table.previousYear ?? "" }),
      key: "valueChange",
      align: "right",
      width: 120,
      sorter: byNumber((r: ComponentRow) => r.valueChange),
      render: (_, r) => <ValueChange value={r.valueChange} direction={r.direction} />,
    },
    {
      title: t("indices.placesChange"),
      key: "rankChange",
      align: "right",
      width: 120,
      sorter: byNumber((r: ComponentRow) => r.rankChange),
      render: (_, r) => <PlacesChange value={r.rankChange} />,
    },
    {
      title: t("indices.components.nationalMedian"),
      key: "median",
      align: "right",
      width: 110,
      sorter: byNumber((r: ComponentRow) => r.nationalMedian),
      render: (_, r) => f.num(r.nationalMedian),
    },
    {
      title: t("indices.components.regionMedian"),
      key: "regionMedian",
      align: "right",
      width: 110,
      render: (_, r) => f.num(r.regionMedian),
    },
    ...table.peers.map((p) => ({
      title: p.name,
      key: `peer-${p.code}`,
      align: "right" as const,
      width: 100,
      sorter: byNumber((r: ComponentRow) => r.peers[p.code]),
      render: (_: unknown, r: ComponentRow) => f.num(r.peers[p.code]),
    })),
    {
      title: t("indices.weight"),
      key: "weight",
      align: "right",
      width: 80,
      sorter: byNumber((r: ComponentRow) => r.weight),
      render: (_, r) => f.num(r.weight),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Input.Search
        allowClear
        placeholder={t("indices.components.search")}
        aria-label={t("indices.components.search")}
        style={{ maxWidth: 360 }}
        onChange={(e) => setText(e.target.value)}
      />
      <Table<ComponentRow>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.weakest ? "idx-row-weak" : r.falling ? "idx-row-falling" : "")}
        pagination={{
          defaultPageSize: 25,
          showSizeChanger: true,
          showTotal: (n) => t("common.total", { count: n }),
        }}
        locale={{ emptyText: t("indices.components.empty") }}
        scroll={{ x: 1000 + table.peers.length * 100 }}
      />
      <Typography.Text type="secondary">{t("indices.components.legend")}</Typography.Text>
    </Space>
  );
}
