import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, InputNumber, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { UnitSelect } from "../../../../components/UnitSelect";
import { provinceYear } from "../../../../lib/clock";
import { pageOf, useUrlParams } from "../../../plans/useUrlParams";
import { InspectionsTable } from "../components/InspectionsTable";
import { PlanFormDialog } from "../components/PlanFormDialog";
import type { InspectionPlanSummary } from "../inspections.api";
import { useInspectionPlans } from "../inspections.queries";

const KEYS = ["view", "year", "unitId", "page", "pageSize"] as const;

/**
 * The "Kiểm tra" tab: the year's inspection plans (the inspecting unit's, or those that inspect the
 * reader's unit), and a unit's history of inspections with how their remediation stands.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { params, set } = useUrlParams(KEYS);
  const view = params.view === "units" ? "units" : "plans";
  return (
    <>
      <Segmented
        value={view}
        onChange={(v) => set({ view: v === "plans" ? null : v, unitId: null, page: null })}
        options={[
          { value: "plans", label: t("followUp.inspections.viewPlans") },
          { value: "units", label: t("followUp.inspections.viewUnits") },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="inspections-view"
      />
      {view === "plans" ? (
        <PlansByYear params={params} set={set} />
      ) : (
        <UnitHistory params={params} set={set} />
      )}
    </>
  );
}

type Params = ReturnType<typeof useUrlParams<(typeof KEYS)[number]>>;

function PlansByYear({ params, set }: Params) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const year = Number(params.year) || provinceYear();
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;
  const plans = useInspectionPlans({ year, page, pageSize });
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t("followUp.inspections.fields.year")}</Typography.Text>
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => set({ year: v ?? null })}
          aria-label={t("followUp.inspections.fields.year")}
          style={{ width: 110 }}
          data-testid="inspection-plans-year"
        />
        <span style={{ flex: 1 }} />
        {plans.data?.can.create ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="inspection-plan-create"
          >
            {t("followUp.inspections.createPlan")}
          </Button>
        ) : null}
      </Flex>
      <QueryErrorAlert error={plans.error} onRetry={() => plans.refetch()} />
      <ResponsiveTable<InspectionPlanSummary>
        rowKey="id"
        size="middle"
        loading={plans.isFetching}
        dataSource={plans.data?.plans ?? []}
        data-testid="inspection-plans-table"
        locale={{ emptyText: <Empty description={t("followUp.inspections.noPlans", { year })} /> }}
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
            title: t("followUp.inspections.fields.title"),
            dataIndex: "title",
            render: (v: string, r) => (
              <Flex vertical gap={2}>
                <Link to={`/follow-up/inspections/plans/${r.id}`}>{v}</Link>
                {r.number ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.number}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t("followUp.inspections.fields.owner"), dataIndex: "ownerUnitName", width: 220 },
          {
            title: t("followUp.inspections.fields.progress"),
            key: "progress",
            width: 180,
            render: (_, r) =>
              t("followUp.inspections.doneOf", { done: r.doneCount, total: r.inspectionCount }),
          },
          {
            title: t("followUp.inspections.fields.findings"),
            dataIndex: "findingCount",
            width: 120,
            align: "right",
          },
        ]}
      />
      {creating ? <PlanFormDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function UnitHistory({ params, set }: Params) {
  const { t } = useTranslation();
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <div style={{ width: 360, maxWidth: "100%" }}>
          <UnitSelect
            value={params.unitId ?? null}
            onChange={(v) => set({ unitId: v })}
            placeholder={t("followUp.inspections.pickUnit")}
            aria-label={t("followUp.inspections.pickUnit")}
            data-testid="inspections-unit"
          />
        </div>
      </Flex>
      {params.unitId ? (
        <InspectionsTable
          query={{ unitId: params.unitId }}
          by="plan"
          page={page}
          pageSize={pageSize}
          onPage={(p, s) => set({ page: p, pageSize: s }, false)}
          testId="unit-inspections-table"
        />
      ) : (
        <Empty description={t("followUp.inspections.pickUnitHint")} />
      )}
    </>
  );
}
