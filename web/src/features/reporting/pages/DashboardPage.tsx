import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Modal,
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
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ADMIN_LEVEL_LABELS_VI, type AdminLevel } from "../../../../../core/src/reporting/levels";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateTimeVi, formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { formatNumber } from "../../indices/format";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../../plans/labels";
import { TaskDrilldown } from "../components/TaskDrilldown";
import { REPORT_STATE_COLORS, useReportingLabels } from "../labels";
import {
  type Dashboard,
  downloadConsolidatedDocx,
  entriesXlsxUrl,
  type PeriodQuery,
  type ReportSummary,
} from "../reporting.api";
import { useDashboard, useNarrative, useProgressTrend, useReports } from "../reporting.queries";

const EChart = lazy(() => import("../../indices/charts/EChart").then((m) => ({ default: m.EChart })));

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
/** A rate as Vietnamese writes it: "58,3". */
const pctText = (part: number, whole: number) => formatNumber(pct(part, whole), 1);

/** The coordinator's view of one obligation and period: who reported, on time, and how the tasks stand. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const obligationId = params.get("obligationId") ?? "";
  const periodKey = params.get("periodKey") ?? "";
  const q: PeriodQuery | null = obligationId && periodKey ? { obligationId, periodKey } : null;
  const dashboard = useDashboard(q);
  // The periods offered are those of the reports this person sees.
  const all = useReports({});
  const choices = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const r of all.data ?? [])
      seen.set(`${r.obligationId}|${r.periodKey}`, {
        value: `${r.obligationId}|${r.periodKey}`,
        label: `${r.obligationTitle} · ${r.periodLabel}`,
      });
    return [...seen.values()];
  }, [all.data]);

  return (
    <>
      <PageTitle title={t("reporting.dashboard.title")} extra={q ? <Exports q={q} /> : null} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ minWidth: 420 }}
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
      {!q ? <Empty description={t("reporting.dashboard.none")} /> : null}
      <QueryErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />
      {q && dashboard.isLoading ? <Skeleton active /> : null}
      {q && dashboard.data ? <DashboardBody q={q} d={dashboard.data} /> : null}
    </>
  );
}

function DashboardBody({ q, d }: { q: PeriodQuery; d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const isVi = !i18n.language?.startsWith("en");
  const unitLabels = useLabels();
  const planLabels = usePlanLabels();
  const labels = useReportingLabels();
  const reports = useReports({ obligationId: q.obligationId, periodKey: q.periodKey });
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
    tooltip: { trigger: "axis", valueFormatter: (v: number) => `${String(v).replace(".", ",")}%` },
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
              suffix={<Typography.Text type="secondary">({pctText(received, expected)}%)</Typography.Text>}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="dashboard-ontime" data-value={onTime}>
            <Statistic
              title={t("reporting.dashboard.onTime")}
              value={onTime}
              suffix={<Typography.Text type="secondary">({pctText(onTime, expected)}%)</Typography.Text>}
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
                  render: (_, k) => `${k.received} (${pctText(k.received, k.expected)}%)`,
                },
                {
                  title: t("reporting.dashboard.onTimeRate"),
                  key: "o",
                  align: "right",
                  render: (_, k) => `${k.onTime} (${pctText(k.onTime, k.expected)}%)`,
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
          <Card size="small" title={t("reporting.dashboard.lateUnits", { count: d.lateUnits.length })}>
            <Table
              size="small"
              rowKey="reportId"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={d.lateUnits}
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
          loading={reports.isLoading}
          dataSource={reports.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
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
      <Card size="small" title={t("reporting.dashboard.overdueTasks", { count: d.overdueTasks.length })}>
        <Table
          size="small"
          rowKey={(x) => `${x.taskId}|${x.unitId}`}
          dataSource={d.overdueTasks}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
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
              title: t("reporting.fields.due"),
              dataIndex: "dueDate",
              render: (s: string | null) => formatDateVi(s) || "—",
            },
            { title: t("reporting.entry.progress"), dataIndex: "progress", render: (p: number) => `${p}%` },
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
              render: (_, c) => `${c.versionCode} · ${c.componentCode}`,
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
        <NarrativeDialog
          q={q}
          onClose={() => setOpen(false)}
          onDone={() => message.success(t("reporting.exports.done"))}
        />
      ) : null}
    </Space>
  );
}

function NarrativeDialog({
  q,
  onClose,
  onDone,
}: {
  q: PeriodQuery;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const narrative = useNarrative(q, true);
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = text ?? narrative.data ?? "";
  return (
    <Modal
      open
      width={860}
      title={t("reporting.exports.docxTitle")}
      okText={t("reporting.exports.generate")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: narrative.isLoading, "data-testid": "export-docx-confirm" } as never}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        setError(null);
        try {
          await downloadConsolidatedDocx({ ...q, narrative: value });
          onDone();
          onClose();
        } catch (e) {
          setError((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph type="secondary">{t("reporting.exports.narrativeHelp")}</Typography.Paragraph>
      <QueryErrorAlert error={narrative.error} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      {narrative.isLoading ? (
        <Skeleton active />
      ) : (
        <Input.TextArea
          value={value}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 10, maxRows: 24 }}
          maxLength={50_000}
          aria-label={t("reporting.exports.narrative")}
          data-testid="export-narrative"
        />
      )}
    </Modal>
  );
}

/** The tasks' state per period (loaded apart: it reads every period's entries). */
function ProgressTrendChart({ obligationId }: { obligationId: string }) {
  const { t } = useTranslation();
  const trend = useProgressTrend(obligationId);
  if (trend.error) return <QueryErrorAlert error={trend.error} onRetry={() => trend.refetch()} />;
  if (!trend.data) return <Skeleton active />;
  const periods = trend.data.periods;
  const option = {
    tooltip: { trigger: "axis", valueFormatter: (v: number) => `${String(v).replace(".", ",")}%` },
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
