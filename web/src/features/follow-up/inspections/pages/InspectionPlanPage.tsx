import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { App, Button, Descriptions, Popconfirm, Skeleton, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ExportXlsxButton } from "../../../../components/ExportXlsxButton";
import { PageTitle } from "../../../../components/PageTitle";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { pageOf, useUrlParams } from "../../../plans/useUrlParams";
import { AddUnitsDialog } from "../components/AddUnitsDialog";
import { InspectionCancelDialog, InspectionEditDialog } from "../components/InspectionEditDialog";
import { InspectionsTable } from "../components/InspectionsTable";
import { PlanFormDialog } from "../components/PlanFormDialog";
import { RemediationCounts } from "../components/RemediationCounts";
import { type InspectionSummary, planExportUrl } from "../inspections.api";
import { useDeleteInspectionPlan, useInspectionPlan } from "../inspections.queries";

/** A plan of inspections: its header, its units with dates, team and state, and units added. */
export function InspectionPlanPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const plan = useInspectionPlan(id);
  const del = useDeleteInspectionPlan();
  const { params, set } = useUrlParams(["page", "pageSize"] as const);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editingInspection, setEditingInspection] = useState<InspectionSummary | null>(null);
  const [cancelling, setCancelling] = useState<InspectionSummary | null>(null);

  const back = (
    <Link to="/follow-up/inspections">
      <ArrowLeftOutlined /> {t("followUp.inspections.backToPlans")}
    </Link>
  );
  if (plan.isLoading) return <Skeleton active />;
  if (plan.error || !plan.data)
    return (
      <>
        <PageTitle title={t("followUp.inspections.planTitle")} />
        <QueryErrorAlert error={plan.error} onRetry={() => plan.refetch()} />
        {back}
      </>
    );
  const p = plan.data;
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle
        title={p.title}
        extra={
          <Space wrap>
            {p.can.manage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="add-units"
              >
                {t("followUp.inspections.addUnits.open")}
              </Button>
            ) : null}
            <ExportXlsxButton path={planExportUrl(p.id)} testId="inspection-plan-export" />
            {p.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            ) : null}
            {p.can.delete ? (
              <Popconfirm
                title={t("followUp.inspections.deletePlanConfirm")}
                okButtonProps={{ danger: true, loading: del.isPending }}
                onConfirm={() =>
                  del.mutate(p.id, {
                    onSuccess: () => {
                      message.success(t("followUp.inspections.planDeleted"));
                      navigate("/follow-up/inspections");
                    },
                    onError: (e) => message.error(e.message),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t("common.delete")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: "number", label: t("followUp.inspections.fields.number"), children: p.number || "—" },
          { key: "year", label: t("followUp.inspections.fields.year"), children: p.year },
          { key: "owner", label: t("followUp.inspections.fields.owner"), children: p.ownerUnitName },
          {
            key: "progress",
            label: t("followUp.inspections.fields.progress"),
            children: t("followUp.inspections.doneOf", { done: p.doneCount, total: p.inspectionCount }),
          },
          { key: "findings", label: t("followUp.inspections.fields.findings"), children: p.findingCount },
          {
            key: "remediation",
            label: t("followUp.inspections.fields.remediation"),
            children: <RemediationCounts counts={p.remediation} />,
          },
          ...(p.scope
            ? [
                {
                  key: "scope",
                  label: t("followUp.inspections.fields.scope"),
                  span: "filled" as const,
                  children: (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-line" }}>
                      {p.scope}
                    </Typography.Paragraph>
                  ),
                },
              ]
            : []),
        ]}
      />
      <InspectionsTable
        query={{ planId: p.id }}
        by="unit"
        page={page}
        pageSize={pageSize}
        onPage={(pg, s) => set({ page: pg, pageSize: s }, false)}
        testId="plan-inspections-table"
        actions={
          p.can.manage
            ? (i) =>
                i.state === "planned" ? (
                  <Space size={4}>
                    <Tooltip title={t("common.edit")}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t("common.edit")}
                        onClick={() => setEditingInspection(i)}
                      />
                    </Tooltip>
                    <Tooltip title={t("followUp.inspections.cancel.open")}>
                      <Button
                        size="small"
                        danger
                        icon={<StopOutlined />}
                        aria-label={t("followUp.inspections.cancel.open")}
                        onClick={() => setCancelling(i)}
                      />
                    </Tooltip>
                  </Space>
                ) : null
            : undefined
        }
      />
      {editing ? <PlanFormDialog plan={p} onClose={() => setEditing(false)} /> : null}
      {adding ? <AddUnitsDialog planId={p.id} year={p.year} onClose={() => setAdding(false)} /> : null}
      {editingInspection ? (
        <InspectionEditDialog inspection={editingInspection} onClose={() => setEditingInspection(null)} />
      ) : null}
      {cancelling ? (
        <InspectionCancelDialog inspection={cancelling} onClose={() => setCancelling(null)} />
      ) : null}
    </>
  );
}
