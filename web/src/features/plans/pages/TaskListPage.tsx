import { FileExcelOutlined } from "@ant-design/icons";
import { Button, DatePicker, Empty, Flex, Input, Progress, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { componentLabel, indexAbbreviation } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { UnitSelect } from "../../../components/UnitSelect";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { useDefinitions } from "../../indices/indices.queries";
import { useOrgGroups } from "../../org-units/org-units.queries";
import { useCurrentVersions } from "../components/ComponentSelect";
import { PlanSelect } from "../components/PlanSelect";
import { usePlanLabels } from "../labels";
import { type TaskList, tasksXlsxUrl } from "../plans.api";
import { useTaskList } from "../plans.queries";
import { pageOf, useUrlParams } from "../useUrlParams";

const KEYS = [
  "q",
  "planId",
  "unitId",
  "groupId",
  "indexCode",
  "componentCode",
  "dueFrom",
  "dueTo",
  "status",
  "role",
  "sort",
  "page",
  "pageSize",
] as const;
type Item = TaskList["tasks"][number];

/** Every task the person may see, filtered by plan, unit, group, component, deadline and status. */
export function TaskListPage() {
  const { t, i18n } = useTranslation();
  const labels = usePlanLabels();
  const { params, set } = useUrlParams(KEYS);
  const [text, setText] = useState(params.q ?? "");
  const groups = useOrgGroups();
  const defs = useDefinitions();
  const { versions } = useCurrentVersions();
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 50;
  const { page: _p, pageSize: _s, ...filters } = params;
  const data = useTaskList({ ...filters, subtree: params.unitId ? "true" : undefined, page, pageSize });
  const version = versions.find((v) => v.indexCode === params.indexCode);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          placeholder={t("plans.tasks.searchPlaceholder")}
          aria-label={t("plans.tasks.searchPlaceholder")}
          style={{ width: 280 }}
        />
        <PlanSelect
          value={params.planId}
          onChange={(v) => set({ planId: v })}
          style={{ width: 260 }}
          data-testid="tasks-plan-filter"
        />
        <div style={{ width: 240 }}>
          <UnitSelect
            value={params.unitId ?? null}
            onChange={(v) => set({ unitId: v })}
            aria-label={t("plans.fields.unit")}
            placeholder={t("plans.fields.unit")}
          />
        </div>
        <Select
          allowClear
          value={params.groupId}
          onChange={(v) => set({ groupId: v })}
          placeholder={t("plans.participants.group")}
          aria-label={t("plans.participants.group")}
          style={{ width: 220 }}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          optionFilterProp="label"
        />
        <Select
          allowClear
          value={params.indexCode}
          onChange={(v) => set({ indexCode: v, componentCode: null })}
          placeholder={t("plans.targets.index")}
          aria-label={t("plans.targets.index")}
          style={{ width: 120 }}
          options={(defs.data?.indices ?? []).map((d) => ({
            value: d.code,
            label: indexAbbreviation(d.code, i18n.language),
          }))}
        />
        <Select
          allowClear
          disabled={!version}
          value={params.componentCode}
          onChange={(v) => set({ componentCode: v })}
          placeholder={t("plans.targets.component")}
          aria-label={t("plans.targets.component")}
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: "label" }}
          options={(version?.components ?? []).map((c) => ({
            value: c.code,
            label: `${c.number} ${c.nameVi}`,
          }))}
        />
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[fromIsoDate(params.dueFrom), fromIsoDate(params.dueTo)]}
          onChange={(v) => set({ dueFrom: toIsoDate(v?.[0]), dueTo: toIsoDate(v?.[1]) })}
          placeholder={[t("plans.tasks.dueFrom"), t("plans.tasks.dueTo")]}
          allowEmpty={[true, true]}
        />
        <Select
          allowClear
          value={params.status}
          onChange={(v) => set({ status: v })}
          placeholder={t("plans.fields.status")}
          aria-label={t("plans.fields.status")}
          style={{ width: 200 }}
          options={labels.taskStatusOptions}
        />
        <Select
          value={params.sort ?? "plan"}
          onChange={(v) => set({ sort: v })}
          aria-label={t("plans.tasks.sort")}
          style={{ width: 180 }}
          options={[
            { value: "plan", label: t("plans.tasks.sortPlan") },
            { value: "due", label: t("plans.tasks.sortDue") },
            { value: "number", label: t("plans.tasks.sortNumber") },
            { value: "updated", label: t("plans.tasks.sortUpdated") },
          ]}
        />
        {params.planId ? (
          <Button
            icon={<FileExcelOutlined />}
            href={tasksXlsxUrl(params.planId)}
            data-testid="tasks-export-xlsx"
          >
            {t("plans.detail.exportXlsx")}
          </Button>
        ) : null}
      </Flex>
      <QueryErrorAlert error={data.error} onRetry={() => data.refetch()} />
      <ResponsiveTable<Item>
        rowKey="id"
        size="small"
        loading={data.isFetching}
        dataSource={data.data?.tasks ?? []}
        data-testid="tasks-table"
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t("plans.tasks.empty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) =>
            data.data?.totalExact === false
              ? t("plans.tasks.totalMore", { count: n })
              : t("common.total", { count: n }),
          onChange: (p, s) => set({ page: p, pageSize: s }, false),
        }}
        columns={[
          {
            title: t("plans.fields.task"),
            width: 380,
            render: (_, r) => (
              <Typography.Text>
                {r.number ? <strong>{r.number}. </strong> : null}
                {r.content}
              </Typography.Text>
            ),
          },
          {
            title: t("plans.fields.plan"),
            width: 130,
            render: (_, r) => (
              <Link to={`/plans/${r.planId}?tab=tasks`} title={r.planTitle}>
                {r.planNumber || t("plans.noNumber")}
              </Link>
            ),
          },
          { title: t("plans.fields.leads"), width: 200, render: (_, r) => r.leads.join("; ") },
          { title: t("plans.fields.coordinators"), width: 200, render: (_, r) => r.coordinators.join("; ") },
          {
            title: t("plans.fields.deadline"),
            width: 160,
            render: (_, r) => (
              <Flex vertical>
                <span>{r.dueDate ? formatDateVi(r.dueDate) : "—"}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.deadlineRendered}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t("plans.fields.components"),
            width: 150,
            render: (_, r) =>
              r.components.map((c) => {
                const [versionCode = "", componentCode = ""] = c.split("|");
                return (
                  <Tag key={c} color="cyan">
                    {componentLabel({ versionCode, componentCode }, i18n.language)}
                  </Tag>
                );
              }),
          },
          {
            title: t("plans.fields.assignmentCount"),
            dataIndex: "assignmentCount",
            width: 90,
            align: "right",
          },
          {
            title: t("plans.fields.progress"),
            width: 130,
            render: (_, r) => <Progress percent={r.progress} size="small" />,
          },
        ]}
      />
    </>
  );
}
