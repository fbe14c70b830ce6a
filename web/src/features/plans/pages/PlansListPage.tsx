import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Input, InputNumber, Progress, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { formatDateVi } from "../../../lib/dates";
import { PlanFormDialog } from "../components/PlanFormDialog";
import { PLAN_STATUS_COLORS, usePlanLabels } from "../labels";
import type { PlanSummary } from "../plans.api";
import { usePlans } from "../plans.queries";
import { pageOf, useUrlParams } from "../useUrlParams";

const KEYS = ["q", "status", "kind", "year", "page", "pageSize"] as const;

export function PlansListPage() {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const { params, set } = useUrlParams(KEYS);
  const [text, setText] = useState(params.q ?? "");
  const [creating, setCreating] = useState(false);
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;
  const year = params.year ? Number(params.year) : undefined;
  const query = {
    q: params.q,
    status: params.status,
    kind: params.kind,
    year: Number.isInteger(year) ? year : undefined,
    page,
    pageSize,
  };
  const plans = usePlans(query);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          placeholder={t("plans.list.searchPlaceholder")}
          aria-label={t("plans.list.searchPlaceholder")}
          style={{ width: 320 }}
          data-testid="plans-search"
        />
        <Select
          allowClear
          value={params.status}
          onChange={(v) => set({ status: v })}
          options={labels.statusOptions}
          placeholder={t("plans.fields.status")}
          aria-label={t("plans.fields.status")}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          value={params.kind}
          onChange={(v) => set({ kind: v })}
          options={labels.kindOptions}
          placeholder={t("plans.fields.kind")}
          aria-label={t("plans.fields.kind")}
          style={{ width: 220 }}
        />
        <InputNumber
          value={query.year ?? null}
          onChange={(v) => set({ year: v ?? null })}
          min={2000}
          max={2100}
          placeholder={t("plans.fields.year")}
          aria-label={t("plans.fields.year")}
          style={{ width: 110 }}
        />
        <span style={{ flex: 1 }} />
        {plans.data?.can.create ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="plan-create"
          >
            {t("plans.list.create")}
          </Button>
        ) : null}
      </Flex>
      <QueryErrorAlert error={plans.error} onRetry={() => plans.refetch()} />
      <ResponsiveTable<PlanSummary>
        rowKey="id"
        size="middle"
        loading={plans.isFetching}
        dataSource={plans.data?.plans ?? []}
        data-testid="plans-table"
        locale={{ emptyText: <Empty description={t("plans.list.empty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: plans.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { count: total }),
          onChange: (p, s) => set({ page: p, pageSize: s }, false),
        }}
        columns={[
          {
            title: t("plans.fields.number"),
            dataIndex: "number",
            width: 150,
            sorter: (a, b) => compareVietnamese(a.number, b.number),
            render: (v: string, r) => <Link to={`/plans/${r.id}`}>{v || t("plans.noNumber")}</Link>,
          },
          {
            title: t("plans.fields.title"),
            dataIndex: "title",
            sorter: (a, b) => compareVietnamese(a.title, b.title),
            render: (v: string, r) => (
              <Flex vertical gap={2}>
                <Link to={`/plans/${r.id}`}>{v}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labels.kind(r.kind)}
                  {r.isFramework ? ` · ${t("plans.framework")}` : ""}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t("plans.fields.owner"), dataIndex: "ownerUnitName", width: 200 },
          {
            title: t("plans.fields.issuedDate"),
            dataIndex: "issuedDate",
            width: 120,
            sorter: (a, b) => (a.issuedDate ?? "").localeCompare(b.issuedDate ?? ""),
            render: (v: string | null) => formatDateVi(v),
          },
          {
            title: t("plans.fields.period"),
            width: 110,
            render: (_, r) =>
              r.periodFrom
                ? `${r.periodFrom}${r.periodTo && r.periodTo !== r.periodFrom ? `–${r.periodTo}` : ""}`
                : "",
          },
          {
            title: t("plans.fields.taskCount"),
            dataIndex: "taskCount",
            width: 100,
            align: "right",
            sorter: (a, b) => a.taskCount - b.taskCount,
          },
          {
            // The mean of the plan's tasks (core's planProgress); a draft has no work yet.
            title: t("plans.fields.progress"),
            dataIndex: "progress",
            width: 130,
            sorter: (a, b) => a.progress - b.progress,
            render: (v: number, r) =>
              r.status === "draft" ? "—" : <Progress percent={v} size="small" style={{ margin: 0 }} />,
          },
          {
            title: t("plans.fields.status"),
            dataIndex: "status",
            width: 140,
            render: (s: string) => <Tag color={PLAN_STATUS_COLORS[s]}>{labels.status(s)}</Tag>,
          },
        ]}
      />
      {creating ? <PlanFormDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
