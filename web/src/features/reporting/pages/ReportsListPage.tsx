import { DashboardOutlined, TrophyOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Select, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { UnitSelect } from "../../../components/UnitSelect";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { pageOf, useUrlParams } from "../../plans/useUrlParams";
import { DaysLeft } from "../components/DaysLeft";
import { REPORT_STATE_COLORS, useReportingLabels } from "../labels";
import type { ReportSummary } from "../reporting.api";
import { useReportPeriods, useReports } from "../reporting.queries";

const KEYS = ["unitId", "periodKey", "obligationId", "state", "page", "pageSize"] as const;

/**
 * "Báo cáo của đơn vị": the reports the person's unit owes (or, for a coordinator, receives), a page
 * at a time from the server, filtered by unit (with the units under it), period, report type and state.
 */
export function ReportsListPage() {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const unitLabels = useLabels();
  const { params, set } = useUrlParams(KEYS);
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 50;
  const { page: _p, pageSize: _s, ...filters } = params;
  const reports = useReports({ ...filters, subtree: params.unitId ? "true" : undefined, page, pageSize });
  const periods = useReportPeriods();
  const rows = reports.data?.reports ?? [];
  // Several units' reports in the list: the person receives reports, so the unit column matters.
  const manyUnits = new Set(rows.map((r) => r.unitId)).size > 1;
  const first = rows[0];
  // The choices come from the reports the person sees; a period is named by its label, never its key.
  const { periodOptions, obligationOptions } = useMemo(() => {
    const byPeriod = new Map<string, { value: string; label: string }>();
    const byObligation = new Map<string, { value: string; label: string }>();
    for (const p of periods.data ?? []) {
      if (!params.obligationId || p.obligationId === params.obligationId)
        if (!byPeriod.has(p.periodKey))
          byPeriod.set(p.periodKey, { value: p.periodKey, label: p.periodLabel });
      if (!byObligation.has(p.obligationId))
        byObligation.set(p.obligationId, { value: p.obligationId, label: p.obligationTitle });
    }
    return { periodOptions: [...byPeriod.values()], obligationOptions: [...byObligation.values()] };
  }, [periods.data, params.obligationId]);

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
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <div style={{ width: 260, maxWidth: "100%" }}>
          <UnitSelect
            value={params.unitId ?? null}
            onChange={(v) => set({ unitId: v })}
            placeholder={t("reporting.list.allUnits")}
            aria-label={t("reporting.fields.unit")}
            data-testid="reports-unit-filter"
          />
        </div>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 280, maxWidth: "100%" }}
          placeholder={t("reporting.list.allObligations")}
          value={params.obligationId}
          options={obligationOptions}
          loading={periods.isLoading}
          onChange={(v) => set({ obligationId: v })}
          aria-label={t("reporting.list.obligation")}
          data-testid="reports-obligation-filter"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 180, maxWidth: "100%" }}
          placeholder={t("reporting.list.allPeriods")}
          value={params.periodKey}
          options={periodOptions}
          loading={periods.isLoading}
          onChange={(v) => set({ periodKey: v })}
          aria-label={t("reporting.fields.period")}
          data-testid="reports-period-filter"
        />
        <Select
          allowClear
          style={{ width: 200, maxWidth: "100%" }}
          placeholder={t("reporting.list.allStates")}
          value={params.state}
          options={labels.stateOptions}
          onChange={(v) => set({ state: v })}
          aria-label={t("reporting.fields.state")}
          data-testid="reports-state-filter"
        />
      </Flex>
      <QueryErrorAlert error={reports.error} onRetry={() => reports.refetch()} />
      <ResponsiveTable<ReportSummary>
        rowKey="id"
        size="middle"
        loading={reports.isFetching}
        dataSource={rows}
        data-testid="reports-table"
        // On a phone the table scrolls inside its container, not the page.
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: reports.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) =>
            reports.data?.totalExact === false
              ? t("reporting.list.totalMore", { count: n })
              : t("common.total", { count: n }),
          onChange: (p, size) => set({ page: p, pageSize: size }, false),
        }}
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
