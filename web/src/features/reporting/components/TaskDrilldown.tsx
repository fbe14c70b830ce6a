import { Drawer, Progress, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../../plans/labels";
import { REPORT_STATE_COLORS, useReportingLabels } from "../labels";
import type { DashboardTask, PeriodQuery } from "../reporting.api";
import { useDashboardTask } from "../reporting.queries";

const PAGE_SIZE = 20;

/**
 * From the dashboard to one task: how every unit in the viewer's scope stands on it this period,
 * filtered by status, paged by the server (a province-wide task may have hundreds of units).
 */
export function TaskDrilldown({
  q,
  taskId,
  onClose,
}: {
  q: PeriodQuery;
  taskId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const unitLabels = useLabels();
  const planLabels = usePlanLabels();
  const labels = useReportingLabels();
  const [status, setStatus] = useState<string>("all");
  const [page, setPage] = useState(1);
  const query = useDashboardTask({
    ...q,
    taskId,
    status: status === "all" ? undefined : status,
    page,
    pageSize: PAGE_SIZE,
  });
  const d = query.data;
  const all = d ? Object.values(d.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <Drawer
      open
      width={880}
      onClose={onClose}
      title={
        d ? `${d.task.number ? `${d.task.number}. ` : ""}${d.task.content}` : t("reporting.drilldown.title")
      }
      data-testid="task-drilldown"
    >
      <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("reporting.drilldown.help")}</Typography.Text>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(String(v));
            setPage(1);
          }}
          options={[
            { value: "all", label: `${t("reporting.drilldown.all")} (${all})` },
            ...ASSIGNMENT_STATUSES.filter((s) => d?.counts[s]).map((s) => ({
              value: s,
              label: `${planLabels.taskStatus(s)} (${d?.counts[s] ?? 0})`,
            })),
          ]}
          data-testid="task-drilldown-status"
        />
        <Table<DashboardTask["rows"][number]>
          size="small"
          rowKey="entryId"
          loading={query.isFetching}
          dataSource={d?.rows ?? []}
          data-testid="task-drilldown-rows"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: d?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          columns={[
            {
              title: t("reporting.fields.unit"),
              key: "u",
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/reports/${r.reportId}`}>{r.unitName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {unitLabels.unitKind(r.unitKind)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t("reporting.drilldown.status"),
              dataIndex: "status",
              render: (s: DashboardTask["rows"][number]["status"]) => (
                <Tag color={ASSIGNMENT_STATUS_COLORS[s]}>{planLabels.taskStatus(s)}</Tag>
              ),
            },
            {
              title: t("reporting.entry.progress"),
              dataIndex: "progress",
              width: 140,
              render: (p: number) => <Progress percent={p} size="small" />,
            },
            {
              title: t("reporting.fields.taskDue"),
              dataIndex: "dueDate",
              render: (s: string | null) => formatDateVi(s) || "—",
            },
            {
              title: t("reporting.drilldown.narrative"),
              dataIndex: "narrative",
              render: (n: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                  {n || "—"}
                </Typography.Paragraph>
              ),
            },
            {
              title: t("reporting.fields.state"),
              dataIndex: "reportState",
              render: (s: DashboardTask["rows"][number]["reportState"]) => (
                <Tag color={REPORT_STATE_COLORS[s]}>{labels.state(s)}</Tag>
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
