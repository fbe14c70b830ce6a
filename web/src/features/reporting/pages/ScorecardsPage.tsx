import { FileExcelOutlined } from "@ant-design/icons";
import { Button, InputNumber, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { scorecardWeightsText } from "../../../../../core/src/reporting/scorecard";
import { formatNumber, formatPercent, RATE_DECIMALS } from "../../../../../core/src/words/numbers";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { provinceYear } from "../../../lib/clock";
import { useLabels } from "../../../lib/labels";
import { PlanSelect } from "../../plans/components/PlanSelect";
import { type Scorecard, scorecardsXlsxUrl } from "../reporting.api";
import { useScorecards } from "../reporting.queries";

/**
 * Each unit's year: tasks on time, late, overdue; reports on time; targets met; remediation after
 * inspection and answers to recommendations on time; initiatives against the minimum; the score by
 * core's weights (stated under the title), and the rank.
 */
export function ScorecardsPage() {
  const { t, i18n } = useTranslation();
  const unitLabels = useLabels();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || provinceYear();
  const planId = params.get("planId") ?? undefined;
  const q = { year, planId };
  const scorecards = useScorecards(q);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const lang = i18n.language;
  const rate = (r: number | null) => formatPercent(r, RATE_DECIMALS, lang);
  const ofWhole = (part: number, whole: number) => (whole ? `${part}/${whole}` : "–");

  return (
    <>
      <PageTitle
        title={t("reporting.scorecards.title")}
        extra={
          <Button icon={<FileExcelOutlined />} href={scorecardsXlsxUrl(q)} data-testid="scorecards-xlsx">
            {t("reporting.exports.xlsx")}
          </Button>
        }
      />
      <Typography.Paragraph data-testid="scorecards-weights">
        {scorecardWeightsText(lang)}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t("reporting.scorecards.year")}</Typography.Text>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => set("year", v ? String(v) : undefined)}
          aria-label={t("reporting.scorecards.year")}
        />
        <PlanSelect
          status="issued"
          style={{ minWidth: 240, maxWidth: "calc(100vw - 24px)" }}
          placeholder={t("reporting.scorecards.allPlans")}
          value={planId}
          onChange={(v) => set("planId", v)}
        />
        <Link to="/reports">{t("reporting.list.title")}</Link>
      </Space>
      <Typography.Paragraph type="secondary">{t("reporting.scorecards.help")}</Typography.Paragraph>
      <QueryErrorAlert error={scorecards.error} onRetry={() => scorecards.refetch()} />
      <div data-testid="scorecards-table">
        <ResponsiveTable<Scorecard>
          rowKey="unitId"
          size="small"
          loading={scorecards.isLoading}
          dataSource={scorecards.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1700 }}
          columns={[
            {
              title: t("reporting.scorecards.rankUnit"),
              key: "unit",
              fixed: "left",
              width: 240,
              render: (_, s) => (
                <span>
                  <Typography.Text strong>{s.rank}.</Typography.Text> {s.unitName}{" "}
                  <Typography.Text type="secondary">({unitLabels.unitKind(s.unitKind)})</Typography.Text>
                </span>
              ),
            },
            {
              title: t("reporting.scorecards.score"),
              dataIndex: "score",
              align: "right",
              width: 80,
              render: (v: number | null) => (
                <Typography.Text strong data-testid="scorecard-score">
                  {formatNumber(v, RATE_DECIMALS, lang)}
                </Typography.Text>
              ),
            },
            { title: t("reporting.scorecards.tasksDue"), dataIndex: "tasksDue", align: "right" },
            { title: t("reporting.scorecards.tasksOnTime"), dataIndex: "tasksOnTime", align: "right" },
            { title: t("reporting.scorecards.tasksLate"), dataIndex: "tasksLate", align: "right" },
            { title: t("reporting.scorecards.tasksOverdue"), dataIndex: "tasksOverdue", align: "right" },
            {
              title: t("reporting.scorecards.taskRate"),
              dataIndex: "taskOnTimeRate",
              align: "right",
              render: rate,
            },
            {
              title: t("reporting.scorecards.reports"),
              key: "rep",
              align: "right",
              render: (_, s) => ofWhole(s.reportsOnTime, s.reportsExpected),
            },
            {
              title: t("reporting.scorecards.reportRate"),
              dataIndex: "reportOnTimeRate",
              align: "right",
              render: rate,
            },
            {
              title: t("reporting.scorecards.targets"),
              key: "tg",
              align: "right",
              render: (_, s) => ofWhole(s.targetsMet, s.targets),
            },
            {
              title: t("reporting.scorecards.targetRate"),
              dataIndex: "targetsMetRate",
              align: "right",
              render: rate,
            },
            {
              title: t("reporting.scorecards.remediation"),
              key: "rem",
              align: "right",
              render: (_, s) => ofWhole(s.remediationOnTime, s.remediationDue),
            },
            {
              title: t("reporting.scorecards.remediationRate"),
              dataIndex: "remediationOnTimeRate",
              align: "right",
              render: rate,
            },
            {
              title: t("reporting.scorecards.answers"),
              key: "ans",
              align: "right",
              render: (_, s) => ofWhole(s.answersOnTime, s.answersDue),
            },
            {
              title: t("reporting.scorecards.answersRate"),
              dataIndex: "answersOnTimeRate",
              align: "right",
              render: rate,
            },
            {
              title: t("reporting.scorecards.initiatives"),
              key: "ini",
              align: "right",
              // A unit of whom no initiative is asked (an internal office, a central agency): none to count.
              render: (_, s) => ofWhole(s.initiatives, s.initiativesRequired),
            },
          ]}
        />
      </div>
    </>
  );
}
