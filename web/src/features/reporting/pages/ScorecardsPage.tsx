import { FileExcelOutlined } from "@ant-design/icons";
import { Button, InputNumber, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { provinceYear } from "../../../lib/clock";
import { useLabels } from "../../../lib/labels";
import { PlanSelect } from "../../plans/components/PlanSelect";
import { type Scorecard, scorecardsXlsxUrl } from "../reporting.api";
import { useScorecards } from "../reporting.queries";

const rate = (r: number | null) => (r === null ? "—" : `${r}%`);

/** Each unit's year: tasks on time, late, overdue; reports on time; targets met; ranked. */
export function ScorecardsPage() {
  const { t } = useTranslation();
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
          style={{ minWidth: 360 }}
          placeholder={t("reporting.scorecards.allPlans")}
          value={planId}
          onChange={(v) => set("planId", v)}
        />
        <Link to="/reports">{t("reporting.list.title")}</Link>
      </Space>
      <Typography.Paragraph type="secondary">{t("reporting.scorecards.help")}</Typography.Paragraph>
      <QueryErrorAlert error={scorecards.error} onRetry={() => scorecards.refetch()} />
      <div data-testid="scorecards-table">
        <Table<Scorecard>
          rowKey="unitId"
          size="small"
          loading={scorecards.isLoading}
          dataSource={scorecards.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          columns={[
            { title: t("reporting.scorecards.rank"), dataIndex: "rank", width: 70, fixed: "left" },
            {
              title: t("reporting.fields.unit"),
              key: "unit",
              fixed: "left",
              render: (_, s) => (
                <span>
                  {s.unitName}{" "}
                  <Typography.Text type="secondary">({unitLabels.unitKind(s.unitKind)})</Typography.Text>
                </span>
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
              render: (_, s) => `${s.reportsOnTime}/${s.reportsExpected}`,
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
              render: (_, s) => `${s.targetsMet}/${s.targets}`,
            },
            {
              title: t("reporting.scorecards.targetRate"),
              dataIndex: "targetsMetRate",
              align: "right",
              render: rate,
            },
          ]}
        />
      </div>
    </>
  );
}
