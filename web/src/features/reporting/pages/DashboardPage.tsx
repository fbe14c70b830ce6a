import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ADMIN_LEVEL_LABELS_VI, type AdminLevel } from "../../../../../core/src/reporting/levels";
import { componentLabel } from "../../../../../core/src/words/indices";
import { formatPercent, formatRate, rateValue } from "../../../../../core/src/words/numbers";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateTimeVi, formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../../plans/labels";
import { ConsolidatedDialog } from "../components/ConsolidatedDialog";
import { FollowUpSection } from "../components/FollowUpSection";
import { TaskDrilldown } from "../components/TaskDrilldown";
import { REPORT_STATE_COLORS, useReportingLabels } from "../labels";
import {
  type Dashboard,
  entriesXlsxUrl,
  type LateUnits,
  type OverdueTasks,
  type PeriodQuery,
  type ReportSummary,
} from "../reporting.api";
import {
  useDashboard,
  useLateUnits,
  useOverdueTasks,
  useProgressTrend,
  useReportPeriodsWithCurrent,
  useReports,
} from "../reporting.queries";

const EChart = lazy(() => import("../../indices/charts/EChart").then((m) => ({ default: m.EChart })));

/** A rate as charts plot it (one decimal, the one rule of core/src/words/numbers.ts). */
const pct = (part: number, whole: number) => rateValue(part, whole) ?? 0;

type Paging = { page: number; pageSize: number };
/** Ant Design's pager driven by the server: the page asked for, the true total. */
const serverPaging = (p: Paging, total: number | undefined, set: (p: Paging) => void) => ({
  current: p.page,
  pageSize: p.pageSize,
  total: total ?? 0,
  hideOnSinglePage: true,
  showSizeChanger: false,
  onChange: (page: number, pageSize: number) => set({ page, pageSize }),
});

/** The coordinator's view of one obligation and period: who reported, on time, and how the tasks stand. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const obligationId = params.get("obligationId") ?? "";
  const periodKey = params.get("periodKey") ?? "";
  const q: PeriodQuery | null = obligationId && periodKey ? { obligationId, periodKey } : null;
  const dashboard = useDashboard(q);
  // The periods offered are those of the reports this person sees (every one, from the server).
  const all = useReportPeriodsWithCurrent();
  // Opened without a choice, the page shows the current period the server chose, and the address keeps it.
  const current = all.data?.current;
  useEffect(() => {
    if (!q && current)
      setParams({ obligationId: current.obligationId, periodKey: current.periodKey }, { replace: true });
  }, [q, current, setParams]);
  const choices = useMemo(
    () =>
      (all.data?.periods ?? []).map((r) => ({
        value: `${r.obligationId}|${r.periodKey}`,
        label: `${r.obligationTitle} · ${r.periodLabel}`,
      })),
    [all.data],
  );

  return (
    <>
      <PageTitle title={t("reporting.dashboard.title")} extra={q ? <Exports q={q} /> : null} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ width: 420, maxWidth: "calc(100vw - 24px)" }}
          placeholder={t("reporting.dashboard.pick")}
          value={q ? `${obligationId}|${periodKey}` : undefined}
          options={choices}
          loading={all.isLoading}
          onChange={(v: string) => {
            const [o, p] = v.split("|");
            setParams({ obligationId: o, periodKey: p });
          }}
          aria-label={t("reporting.dashboard.pick")}
          data-testid="dashboard-period"
        />
        <Link to="/reports">{t("reporting.list.title")}</Link>
      </Space>
      {!q && all.data && !current ? <Empty description={t("reporting.dashboard.noPeriods")} /> : null}
      <QueryErrorAlert error={all.error} onRetry={() => all.refetch()} />
      <QueryErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      {q && dashboard.isLoading ? <Skeleton active /> : null}
      {q && dashboard.data ? (
        // Keyed by the period, so its lists start again at page 1 when another period is picked.
        <DashboardBody key={`${q.obligationId}|${q.periodKey}`} q={q} d={dashboard.data} />
      ) : null}
      {/* Not tied to a report period: follow-up items and initiatives, shown whatever period is chosen. */}
      <div style={{ marginTop: 16 }}>
        <FollowUpSection />
      </div>
    </>
  );
}

function DashboardBody({ q, d }: { q: PeriodQuery; d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const isVi = !i18n.language?.startsWith("en");
  const unitLabels = useLabels();
  const planLabels = usePlanLabels();
  const labels = useReportingLabels();
  // Each list pages on the server and its title counts every row, not the rows of the page.
  const [reportsPage, setReportsPage] = useState({ page: 1, pageSize: 20 });
  const reports = useReports({ obligationId: q.obligationId, periodKey: q.periodKey, ...reportsPage });
  const [latePage, setLatePage] = useState({ page: 1, pageSize: 10 });
  const late = useLateUnits({ ...q, ...latePage });
  const [overduePage, setOverduePage] = useState({ page: 1, pageSize: 10 });
  const overdue = useOverdueTasks({ ...q, ...overduePage });
  const { expected, received, onTime } = d.totals;
  const [cut, setCut] = useState<"level" | "kind">("level");
  const [drillTaskId, setDrillTaskId] = useState<string | null>(null);
  const levelLabel = (l: AdminLevel) => (isVi ? ADMIN_LEVEL_LABELS_VI[l] : t(`reporting.levels.${l}`));
  const rate = (r: Dashboard["totals"]) => ({ expected: r.expected, received: r.received, onTime: r.onTime });
  const groups: Array<Dashboard["totals"] & { key: string; label: string }> =
    cut === "level"
      ? d.byLevel.map((l) => ({ key: l.level, label: levelLabel(l.level), ...rate(l) }))
      : d.byKind.map((k) => ({ key: k.unitKind, label: unitLabels.unitKind(k.unitKind), ...rate(k) }));
  const groupTitle = t(cut === "level" ? "reporting.dashboard.byLevel" : "reporting.dashboard.byKind");

  const chart = {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 60, containLabel: true },
    xAxis: {
      type: "category",
      data: groups.map((g) => g.label),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: t("reporting.dashboard.expected"),
        type: "bar",
        data: groups.map((g) => g.expected),
        itemStyle: { color: "#bfbfbf" },
      },
      {
        name: t("reporting.dashboard.received"),
        type: "bar",
        data: groups.map((g) => g.received),
        itemStyle: { color: "#1677ff" },
      },
      {
        name: t("reporting.dashboard.onTime"),
        type: "bar",
        data: groups.map((g) => g.onTime),
        itemStyle: { color: "#52c41a" },
      },
    ],
  };

  // Rates per period, as DHIS2 shows reporting rates: received and on time, in percent of expected.
  const trendChart = {
    tooltip: { trigger: "axis", valueFormatter: (v: number) => formatPercent(v, 1, i18n.language) },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 60, containLabel: true },
    xAxis: { type: "category", data: d.trend.map((p) => p.periodLabel) },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: t("reporting.dashboard.receivedRate"),
        type: "line",
        data: d.trend.map((p) => pct(p.received, p.expected)),
        itemStyle: { color: "#1677ff" },
      },
      {
        name: t("reporting.dashboard.onTimeRate"),
        type: "line",
        data: d.trend.map((p) => pct(p.onTime, p.expected)),
        itemStyle: { color: "#52c41a" },
      },
    ],
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        {d.periodLabel}
        {d.dueDate ? ` · ${t("reporting.fields.due")}: ${formatDateVi(d.dueDate)}` : ""}
        {` · ${t("reporting.dashboard.computedAt", { at: formatDateTimeVi(d.computedAt) })}`}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card data-testid="dashboard-expected" data-value={expected}>
            <Statistic title={t("reporting.dashboard.expected")} value={expected} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="dashboard-received" data-value={received}>
            <Statistic
              title={t("reporting.dashboard.received")}
              value={received}
              suffix={
                <Typography.Text type="secondary">
                  ({formatRate(received, expected, i18n.language)})
                </Typography.Text>
              }
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="dashboard-ontime" data-value={onTime}>
            <Statistic
              title={t("reporting.dashboard.onTime")}
              value={onTime}
              suffix={
                <Typography.Text type="secondary">
                  ({formatRate(onTime, expected, i18n.language)})
                </Typography.Text>
              }
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t("reporting.dashboard.rates")}
            extra={
              <Segmented
                size="small"
                value={cut}
                onChange={(v) => setCut(v as "level" | "kind")}
                options={[
                  { value: "level", label: t("reporting.dashboard.byLevel") },
                  { value: "kind", label: t("reporting.dashboard.byKind") },
                ]}
                data-testid="dashboard-cut"
              />
            }
          >
            {groups.length ? (
              <Suspense fallback={<Skeleton active />}>
                <EChart option={chart} height={280} label={groupTitle} />
              </Suspense>
            ) : (
              <Empty />
            )}
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={groups}
              data-testid="dashboard-rates"
              columns={[
                { title: groupTitle, dataIndex: "label" },
                { title: t("reporting.dashboard.expected"), dataIndex: "expected", align: "right" },
                {
                  title: t("reporting.dashboard.receivedRate"),
                  key: "r",
                  align: "right",
                  render: (_, k) => `${k.received} (${formatRate(k.received, k.expected, i18n.language)})`,
                },
                {
                  title: t("reporting.dashboard.onTimeRate"),
                  key: "o",
                  align: "right",
                  render: (_, k) => `${k.onTime} (${formatRate(k.onTime, k.expected, i18n.language)})`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("reporting.dashboard.taskStatus")} style={{ marginBottom: 16 }}>
            <Space wrap>
              {ASSIGNMENT_STATUSES.map((s) => (
                <Tag key={s} color={ASSIGNMENT_STATUS_COLORS[s]} data-testid={`task-status-${s}`}>
                  {planLabels.taskStatus(s)}: {d.taskStatus[s] ?? 0}
                </Tag>
              ))}
            </Space>
          </Card>
          <Card
            size="small"
            title={t("reporting.dashboard.lateUnits", { count: late.data?.total ?? 0 })}
            data-testid="dashboard-late-units"
          >
            <QueryErrorAlert error={late.error} onRetry={() => late.refetch()} />
            <Table<LateUnits["items"][number]>
              size="small"
              rowKey="reportId"
              loading={late.isFetching}
              scroll={{ x: 480 }}
              pagination={serverPaging(latePage, late.data?.total, setLatePage)}
              dataSource={late.data?.items ?? []}
              locale={{ emptyText: t("reporting.dashboard.noLate") }}
              columns={[
                {
                  title: t("reporting.fields.unit"),
                  key: "u",
                  render: (_, u) => <Link to={`/reports/${u.reportId}`}>{u.unitName}</Link>,
                },
                {
                  title: t("reporting.fields.state"),
                  dataIndex: "state",
                  render: (s: ReportSummary["state"]) => (
                    <Tag color={REPORT_STATE_COLORS[s]}>{labels.state(s)}</Tag>
                  ),
                },
                {
                  title: t("reporting.fields.submittedAt"),
                  dataIndex: "submittedAt",
                  render: (s: string | null) => (s ? formatDateTimeVi(s) : "—"),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {d.trend.length > 1 && (
        <Card size="small" title={t("reporting.dashboard.trend")} data-testid="dashboard-trend">
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Suspense fallback={<Skeleton active />}>
                <EChart option={trendChart} height={260} label={t("reporting.dashboard.trend")} />
              </Suspense>
            </Col>
            <Col xs={24} lg={12}>
              <ProgressTrendChart obligationId={q.obligationId} />
            </Col>
          </Row>
        </Card>
      )}
      <Card size="small" title={t("reporting.dashboard.reports")}>
        <Table<ReportSummary>
          size="small"
          rowKey="id"
          loading={reports.isFetching}
          dataSource={reports.data?.reports ?? []}
          scroll={{ x: 600 }}
          pagination={serverPaging(reportsPage, reports.data?.total, setReportsPage)}
          columns={[
            {
              title: t("reporting.fields.unit"),
              key: "u",
              render: (_, r) => (
                <Link to={`/reports/${r.id}`} data-testid="dashboard-report-link">
                  {r.unitName}
                </Link>
              ),
            },
            {
              title: t("reporting.dashboard.unitKind"),
              dataIndex: "unitKind",
              render: (k: string) => unitLabels.unitKind(k),
            },
            {
              title: t("reporting.fields.state"),
              dataIndex: "state",
              render: (s: ReportSummary["state"]) => (
                <Tag color={REPORT_STATE_COLORS[s]}>{labels.state(s)}</Tag>
              ),
            },
            {
              title: t("reporting.fields.firstSubmittedAt"),
              dataIndex: "firstSubmittedAt",
              render: (s: string | null) => (s ? formatDateTimeVi(s) : "—"),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t("reporting.dashboard.overdueTasks", { count: overdue.data?.total ?? d.taskStatus.overdue })}
        data-testid="dashboard-overdue-tasks"
      >
        <QueryErrorAlert error={overdue.error} onRetry={() => overdue.refetch()} />
        <Table<OverdueTasks["items"][number]>
          size="small"
          rowKey="entryId"
          loading={overdue.isFetching}
          dataSource={overdue.data?.items ?? []}
          scroll={{ x: 720 }}
          pagination={serverPaging(overduePage, overdue.data?.total, setOverduePage)}
          locale={{ emptyText: t("reporting.dashboard.noOverdue") }}
          columns={[
            { title: t("reporting.dashboard.taskNumber"), dataIndex: "number", width: 80 },
            {
              title: t("reporting.dashboard.task"),
              key: "content",
              render: (_, x) => (
                <Typography.Link onClick={() => setDrillTaskId(x.taskId)} data-testid="overdue-task-link">
                  {x.content}
                </Typography.Link>
              ),
            },
            { title: t("reporting.fields.unit"), dataIndex: "unitName" },
            {
              title: t("reporting.fields.taskDue"),
              dataIndex: "dueDate",
              render: (s: string | null) => formatDateVi(s) || "—",
            },
            {
              title: t("reporting.entry.progress"),
              dataIndex: "progress",
              render: (p: number) => formatPercent(p, 0, i18n.language),
            },
          ]}
        />
      </Card>
      {drillTaskId ? <TaskDrilldown q={q} taskId={drillTaskId} onClose={() => setDrillTaskId(null)} /> : null}
      <Card size="small" title={t("reporting.dashboard.components")}>
        <Table
          size="small"
          rowKey={(c) => `${c.versionCode}|${c.componentCode}`}
          dataSource={d.components}
          pagination={false}
          locale={{ emptyText: t("reporting.dashboard.noComponents") }}
          columns={[
            {
              title: t("reporting.dashboard.component"),
              key: "c",
              render: (_, c) =>
                componentLabel(
                  { ...c, name: (i18n.language?.startsWith("en") ? c.nameEn : c.nameVi) || null },
                  i18n.language,
                ),
            },
            { title: t("reporting.dashboard.tasks"), dataIndex: "tasks", align: "right" },
            { title: t("reporting.dashboard.completed"), dataIndex: "completed", align: "right" },
            {
              title: t("reporting.dashboard.meanProgress"),
              dataIndex: "meanProgress",
              render: (p: number) => <Progress percent={Math.round(p)} size="small" />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function Exports({ q }: { q: PeriodQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)} data-testid="export-docx">
        {t("reporting.exports.docx")}
      </Button>
      <Button icon={<FileExcelOutlined />} href={entriesXlsxUrl(q)} data-testid="export-xlsx">
        {t("reporting.exports.xlsx")}
      </Button>
      {open ? (
        <ConsolidatedDialog
          q={q}
          onClose={() => setOpen(false)}
          onDone={() => message.success(t("reporting.exports.done"))}
        />
      ) : null}
    </Space>
  );
}

/** The tasks' state per period (loaded apart: it reads every period's entries). */
function ProgressTrendChart({ obligationId }: { obligationId: string }) {
  const { t, i18n } = useTranslation();
  const trend = useProgressTrend(obligationId);
  if (trend.error) return <QueryErrorAlert error={trend.error} onRetry={() => trend.refetch()} />;
  if (!trend.data) return <Skeleton active />;
  const periods = trend.data.periods;
  const option = {
    tooltip: { trigger: "axis", valueFormatter: (v: number) => formatPercent(v, 1, i18n.language) },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 60, containLabel: true },
    xAxis: { type: "category", data: periods.map((p) => p.periodLabel) },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: t("reporting.dashboard.completedRate"),
        type: "line",
        data: periods.map((p) => pct(p.completed, p.entries)),
        itemStyle: { color: "#52c41a" },
      },
      {
        name: t("reporting.dashboard.overdueRate"),
        type: "line",
        data: periods.map((p) => pct(p.overdue, p.entries)),
        itemStyle: { color: "#f5222d" },
      },
      {
        name: t("reporting.dashboard.meanProgress"),
        type: "line",
        data: periods.map((p) => p.meanProgress),
        itemStyle: { color: "#1677ff" },
        lineStyle: { type: "dashed" },
      },
    ],
  };
  return (
    <div data-testid="dashboard-progress-trend">
      <Suspense fallback={<Skeleton active />}>
        <EChart option={option} height={260} label={t("reporting.dashboard.progressTrend")} />
      </Suspense>
    </div>
  );
}
