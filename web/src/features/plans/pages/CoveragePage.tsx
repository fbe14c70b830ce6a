import { Empty, Flex, InputNumber, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { indexAbbreviation, versionName } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { useDefinitions } from "../../indices/indices.queries";
import { PlanSelect } from "../components/PlanSelect";
import type { Coverage } from "../plans.api";
import { useCoverage } from "../plans.queries";
import { useUrlParams } from "../useUrlParams";

type Row = Coverage["components"][number];

/**
 * What the follow-up registers link to a component: the items (a finding's remediation, a
 * recommendation) open, overdue and done, and the year's initiatives; each figure opens the list it
 * counts, filtered by the component.
 */
function FollowUpCell({ row, versionCode, year }: { row: Row; versionCode: string; year: number }) {
  const { t } = useTranslation();
  const { items, initiatives } = row.followUp;
  const component = `versionCode=${encodeURIComponent(versionCode)}&componentCode=${encodeURIComponent(row.code)}`;
  const itemsHref = (extra: string) => `/follow-up?${component}&${extra}`;
  if (!items.open && !items.done && !initiatives.total)
    return <Typography.Text type="secondary">{t("plans.coverage.followUp.none")}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="coverage-follow-up">
      {items.open || items.done ? (
        <Space size={[8, 2]} wrap>
          <Link to={itemsHref("awaiting=any")}>
            {t("plans.coverage.followUp.open", { count: items.open })}
          </Link>
          {items.overdue ? (
            <Link to={itemsHref("status=overdue")}>
              <Typography.Text type="danger">
                {t("plans.coverage.followUp.overdue", { count: items.overdue })}
              </Typography.Text>
            </Link>
          ) : null}
          <Link to={itemsHref("state=accepted")}>
            {t("plans.coverage.followUp.done", { count: items.done })}
          </Link>
        </Space>
      ) : null}
      {initiatives.total ? (
        <Link to={`/follow-up/initiatives?year=${year}&${component}`}>
          {t("plans.coverage.followUp.initiatives", {
            count: initiatives.total,
            recognised: initiatives.recognised,
          })}
        </Link>
      ) : null}
    </Flex>
  );
}

/**
 * Per index: the tasks aimed at each component (a component with a target and no task is a gap), and
 * beside them what the follow-up registers link to it.
 */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const defs = useDefinitions();
  const { params, set } = useUrlParams(["indexCode", "planId", "year"] as const);
  const indexCode = params.indexCode ?? defs.data?.indices[0]?.code;
  const year = params.year ? Number(params.year) : undefined;
  const data = useCoverage({ indexCode, planId: params.planId, year }, !!indexCode);
  const gaps = (data.data?.components ?? []).filter((c) => c.gap).length;
  const num = (v: number | null | undefined) => (v == null ? "" : String(v).replace(".", ","));

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          value={indexCode}
          onChange={(v) => set({ indexCode: v })}
          aria-label={t("plans.targets.index")}
          style={{ width: 160 }}
          options={(defs.data?.indices ?? []).map((d) => ({
            value: d.code,
            label: indexAbbreviation(d.code, i18n.language),
          }))}
          data-testid="coverage-index"
        />
        <PlanSelect
          value={params.planId}
          onChange={(v) => set({ planId: v })}
          placeholder={t("plans.coverage.allPlans")}
          style={{ width: 320 }}
        />
        <InputNumber
          value={year ?? null}
          onChange={(v) => set({ year: v ?? null })}
          placeholder={t("plans.fields.year")}
          aria-label={t("plans.fields.year")}
          min={2000}
          max={2100}
        />
        {data.data ? (
          <Typography.Text>
            {t("plans.coverage.version", { version: versionName(data.data.versionCode, i18n.language) })} ·{" "}
            <Typography.Text type={gaps ? "danger" : "success"}>
              {t("plans.coverage.gaps", { count: gaps })}
            </Typography.Text>
          </Typography.Text>
        ) : null}
      </Flex>
      <QueryErrorAlert error={data.error} onRetry={() => data.refetch()} />
      <ResponsiveTable<Row>
        rowKey="code"
        size="small"
        loading={data.isFetching}
        dataSource={data.data?.components ?? []}
        pagination={false}
        data-testid="coverage-table"
        rowClassName={(r) => (r.gap ? "gap-row" : "")}
        locale={{ emptyText: <Empty description={t("plans.coverage.empty")} /> }}
        columns={[
          {
            title: t("plans.targets.component"),
            width: 300,
            render: (_, r) => (
              <span style={{ paddingInlineStart: r.parentCode ? 16 : 0 }}>
                {r.number} {r.name}
              </span>
            ),
          },
          {
            title: t("plans.coverage.target"),
            width: 180,
            render: (_, r) =>
              r.target
                ? [
                    r.target.targetValue != null
                      ? `${t("plans.targets.targetValue")}: ${num(r.target.targetValue)}`
                      : "",
                    r.target.rankFrom != null
                      ? `${t("plans.targets.rank")}: ${r.target.rankFrom}${r.target.rankTo && r.target.rankTo !== r.target.rankFrom ? `–${r.target.rankTo}` : ""}`
                      : "",
                  ]
                    .filter(Boolean)
                    .join(" · ") || t("plans.coverage.hasTarget")
                : "—",
          },
          {
            title: t("plans.coverage.tasks"),
            render: (_, r) =>
              r.tasks.length ? (
                <Flex vertical gap={2}>
                  {r.tasks.slice(0, 8).map((x) => (
                    <Link key={x.id} to={`/plans/${x.planId}?tab=tasks`}>
                      {x.number ? `${x.number}. ` : ""}
                      {x.content.length > 140 ? `${x.content.slice(0, 140)}…` : x.content}
                    </Link>
                  ))}
                  {r.taskCount > 8 ? (
                    <Typography.Text type="secondary">
                      {t("plans.coverage.more", { count: r.taskCount - 8 })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ) : r.gap ? (
                <Tag color="error" data-testid="coverage-gap">
                  {t("plans.coverage.noTask")}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t("plans.coverage.none")}</Typography.Text>
              ),
          },
          { title: t("plans.coverage.count"), dataIndex: "taskCount", width: 90, align: "right" },
          {
            title: t("plans.coverage.followUp.title"),
            key: "followUp",
            width: 220,
            render: (_, r) =>
              data.data ? (
                <FollowUpCell row={r} versionCode={data.data.versionCode} year={data.data.year} />
              ) : null,
          },
        ]}
      />
    </>
  );
}
