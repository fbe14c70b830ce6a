import { DashboardOutlined, TrophyOutlined } from "@ant-design/icons";
import { Button, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { DaysLeft } from "../components/DaysLeft";
import { REPORT_STATE_COLORS, useReportingLabels } from "../labels";
import type { ReportSummary } from "../reporting.api";
import { useReports } from "../reporting.queries";

/** "Báo cáo của đơn vị": the reports the person's unit owes (or, for a coordinator, receives). */
export function ReportsListPage() {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const unitLabels = useLabels();
  const [params, setParams] = useSearchParams();
  const state = params.get("state") ?? undefined;
  const reports = useReports({ state });
  const rows = reports.data ?? [];
  // Several units' reports in the list: the person receives reports, so the unit column matters.
  const manyUnits = new Set(rows.map((r) => r.unitId)).size > 1;
  const first = rows[0];

  return (
    <>
      <PageTitle
        title={t("reporting.list.title")}
        extra={
          <Space wrap>
            <Link
              to={
                first
                  ? `/reports/dashboard?obligationId=${first.obligationId}&periodKey=${first.periodKey}`
                  : "/reports/dashboard"
              }
            >
              <Button icon={<DashboardOutlined />} data-testid="reports-dashboard-link">
                {t("reporting.dashboard.title")}
              </Button>
            </Link>
            <Link to="/reports/scorecards">
              <Button icon={<TrophyOutlined />}>{t("reporting.scorecards.title")}</Button>
            </Link>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t("reporting.list.allStates")}
          value={state}
          options={labels.stateOptions}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set("state", v);
            else next.delete("state");
            setParams(next, { replace: true });
          }}
          aria-label={t("reporting.fields.state")}
        />
        <Typography.Text type="secondary">{t("common.total", { count: rows.length })}</Typography.Text>
      </Space>
      <QueryErrorAlert error={reports.error} onRetry={() => reports.refetch()} />
      <Table<ReportSummary>
        rowKey="id"
        size="middle"
        loading={reports.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("reporting.list.empty")} /> }}
        columns={[
          {
            title: t("reporting.fields.report"),
            key: "title",
            render: (_, r) => (
              <Link to={`/reports/${r.id}`} data-testid="report-open">
                {r.obligationTitle}
              </Link>
            ),
          },
          { title: t("reporting.fields.period"), dataIndex: "periodLabel" },
          ...(manyUnits
            ? [
                {
                  title: t("reporting.fields.unit"),
                  key: "unit",
                  render: (_: unknown, r: ReportSummary) => (
                    <span>
                      {r.unitName}{" "}
                      <Typography.Text type="secondary">({unitLabels.unitKind(r.unitKind)})</Typography.Text>
                    </span>
                  ),
                },
              ]
            : []),
          {
            title: t("reporting.fields.opensOn"),
            dataIndex: "opensOn",
            render: (d: string) => formatDateVi(d),
          },
          {
            title: t("reporting.fields.due"),
            key: "due",
            sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
            render: (_, r) => (
              <Space size={4} wrap>
                {formatDateVi(r.dueDate)}
                {r.state === "draft" || r.state === "returned" ? <DaysLeft due={r.dueDate} /> : null}
              </Space>
            ),
          },
          {
            title: t("reporting.fields.state"),
            dataIndex: "state",
            render: (s: ReportSummary["state"]) => (
              <Tag color={REPORT_STATE_COLORS[s]} data-testid="report-state-tag">
                {labels.state(s)}
              </Tag>
            ),
          },
          {
            title: t("common.actions"),
            key: "open",
            render: (_, r) => (
              <Link to={`/reports/${r.id}`}>
                {r.state === "draft" || r.state === "returned"
                  ? t("reporting.list.fill")
                  : t("reporting.list.view")}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
