import "../../i18n";
import { CommentOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Empty, Grid, Select, Space, Tag, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { formatDateVi } from "../../../../lib/dates";
import type { ItemFilter, ItemRow } from "../items.api";
import { useItems } from "../items.queries";
import { ASSIGNMENT_STATUS_COLORS, ITEM_STATE_COLORS, useItemLabels } from "../labels";
import { ItemDrawer } from "./ItemDrawer";

type Sort = { sort: "due" | "state" | "unit"; order: "asc" | "desc" };
const SORTS = ["due", "state", "unit"] as const;

/** Where an item comes from, in words: the inspection of a unit, or a dialogue, with its day. */
export function SourceText({ source }: { source: ItemRow["source"] }) {
  const { t } = useTranslation();
  const day = source.date ? formatDateVi(source.date) : "";
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {source.kind === "inspection"
        ? t("followUp.items.source.inspection", { unit: source.label, day })
        : t("followUp.items.source.dialogue", { title: source.label, day })}
    </Typography.Text>
  );
}

/**
 * The follow-up items matching `filter`, a page at a time from the server with its true total, sorted
 * by the server (deadline, state, unit). A row opens the item's drawer through `?item=<id>`, so a
 * link to an item works from anywhere and the back button closes it. `compact` (inside an
 * inspection's or a dialogue's page) leaves out the follower and the counts.
 */
export function ItemsTable({ filter, compact = false }: { filter: ItemFilter; compact?: boolean }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const phone = !Grid.useBreakpoint().md;
  const [search, setSearch] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(compact ? 20 : 50);
  const [sort, setSort] = useState<Sort>({ sort: "due", order: "asc" });
  const filterKey = JSON.stringify(filter);
  // A new filter starts again at the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter's value, not its identity
  useEffect(() => setPage(1), [filterKey]);
  const query = useMemo(() => ({ ...filter, ...sort, page, pageSize }), [filter, sort, page, pageSize]);
  const items = useItems(query);
  const rows = items.data?.items ?? [];
  const openId = search.get("item");
  const open = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set("item", id);
      else next.delete("item");
      return next;
    });
  const sortOrder = (key: Sort["sort"]) =>
    sort.sort === key ? (sort.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;

  return (
    <>
      {phone ? (
        <Space style={{ marginBottom: 8 }} wrap>
          <Typography.Text type="secondary">{t("followUp.items.sortBy")}</Typography.Text>
          <Select
            size="small"
            value={`${sort.sort}:${sort.order}`}
            style={{ width: 200 }}
            aria-label={t("followUp.items.sortBy")}
            onChange={(v) => {
              const [s, o] = v.split(":") as [Sort["sort"], Sort["order"]];
              setSort({ sort: s, order: o });
              setPage(1);
            }}
            options={SORTS.flatMap((s) =>
              (["asc", "desc"] as const).map((o) => ({
                value: `${s}:${o}`,
                label: t(`followUp.items.sorts.${s}.${o}`),
              })),
            )}
            data-testid="items-sort"
          />
        </Space>
      ) : null}
      <QueryErrorAlert error={items.error} onRetry={() => items.refetch()} />
      <ResponsiveTable<ItemRow>
        rowKey="id"
        size={compact ? "small" : "middle"}
        loading={items.isFetching}
        dataSource={rows}
        data-testid="items-table"
        scroll={{ x: compact ? 700 : 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: items.data?.total ?? 0,
          showSizeChanger: !compact,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t("common.total", { count: n }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        onChange={(_p, _f, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ItemRow>;
          const key = s?.order ? (s.columnKey as Sort["sort"]) : "due";
          setSort({ sort: key, order: s?.order === "descend" ? "desc" : "asc" });
          setPage(1);
        }}
        locale={{ emptyText: <Empty description={t("followUp.items.empty")} /> }}
        columns={[
          {
            title: t("followUp.items.fields.content"),
            key: "content",
            render: (_, r) => (
              <div style={{ minWidth: 220 }}>
                <Typography.Link onClick={() => open(r.id)} data-testid="item-open">
                  {r.content}
                </Typography.Link>
                <div>
                  <SourceText source={r.source} />
                </div>
              </div>
            ),
          },
          {
            title: t("followUp.items.fields.unit"),
            key: "unit",
            sorter: true,
            sortOrder: sortOrder("unit"),
            render: (_, r) =>
              r.unitName ?? (
                <Typography.Text type="secondary">{t("followUp.items.unassigned")}</Typography.Text>
              ),
          },
          {
            title: t("followUp.items.fields.follower"),
            key: "follower",
            hidden: compact,
            dataIndex: "followerUnitName",
          },
          {
            title: t("followUp.items.fields.due"),
            key: "due",
            sorter: true,
            sortOrder: sortOrder("due"),
            render: (_, r) => (r.dueDate ? formatDateVi(r.dueDate) : t("followUp.items.noDue")),
          },
          {
            title: t("followUp.items.fields.state"),
            key: "state",
            sorter: true,
            sortOrder: sortOrder("state"),
            render: (_, r) => (
              <Tag color={ITEM_STATE_COLORS[r.state]} data-testid="item-state">
                {labels.state(r.state, r.kind)}
              </Tag>
            ),
          },
          {
            title: t("followUp.items.fields.status"),
            key: "status",
            render: (_, r) =>
              r.status ? (
                <Tag color={ASSIGNMENT_STATUS_COLORS[r.status]} data-testid="item-status">
                  {labels.status(r.status)}
                </Tag>
              ) : null,
          },
          {
            title: t("followUp.items.fields.evidence"),
            key: "counts",
            hidden: compact,
            render: (_, r) =>
              r.fileCount || r.commentCount ? (
                <Space size={10}>
                  {r.fileCount ? (
                    <span title={t("followUp.items.fileCount", { count: r.fileCount })}>
                      <PaperClipOutlined /> {r.fileCount}
                    </span>
                  ) : null}
                  {r.commentCount ? (
                    <span title={t("followUp.items.commentCount", { count: r.commentCount })}>
                      <CommentOutlined /> {r.commentCount}
                    </span>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      {openId ? <ItemDrawer id={openId} onClose={() => open(null)} /> : null}
    </>
  );
}
