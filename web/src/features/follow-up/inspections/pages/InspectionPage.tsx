import { ArrowLeftOutlined, EditOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../../components/PageTitle";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../../lib/dates";
import { FindingsList } from "../components/FindingsList";
import { InspectionCancelDialog, InspectionEditDialog } from "../components/InspectionEditDialog";
import { MinutesCard } from "../components/MinutesCard";
import { RecordForm } from "../components/RecordForm";
import { RemediationCounts } from "../components/RemediationCounts";
import { useInspection } from "../inspections.queries";
import { INSPECTION_STATE_COLORS, useInspectionLabels } from "../labels";

/**
 * One inspection: its plan, dates and team; before it is recorded, the record form (held on,
 * conclusion, findings with their remediation); afterwards the findings with their remediation as it
 * stands, each linked to its item on the follow-up page; the minutes in both.
 */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const labels = useInspectionLabels();
  const inspection = useInspection(id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  if (inspection.isLoading) return <Skeleton active />;
  if (inspection.error || !inspection.data)
    return (
      <>
        <PageTitle title={t("followUp.inspections.inspectionTitle")} />
        <QueryErrorAlert error={inspection.error} onRetry={() => inspection.refetch()} />
        <Link to="/follow-up/inspections">
          <ArrowLeftOutlined /> {t("followUp.inspections.backToPlans")}
        </Link>
      </>
    );
  const i = inspection.data;
  const dates =
    i.startsOn === i.endsOn
      ? formatDateVi(i.startsOn)
      : `${formatDateVi(i.startsOn)} – ${formatDateVi(i.endsOn)}`;

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={`/follow-up/inspections/plans/${i.planId}`}>
          <ArrowLeftOutlined /> {i.planTitle}
        </Link>
      </div>
      <PageTitle
        title={t("followUp.inspections.inspectionOf", { unit: i.unitName })}
        extra={
          <Space wrap>
            <Tag color={INSPECTION_STATE_COLORS[i.state]} data-testid="inspection-state">
              {labels.state(i.state)}
            </Tag>
            {i.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            ) : null}
            {i.can.cancel ? (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
                {t("followUp.inspections.cancel.open")}
              </Button>
            ) : null}
          </Space>
        }
      />
      {i.state === "cancelled" ? (
        <Alert
          type="warning"
          showIcon
          title={t("followUp.inspections.cancelledBecause", { reason: i.cancelReason })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: "owner", label: t("followUp.inspections.fields.owner"), children: i.ownerUnitName },
              { key: "dates", label: t("followUp.inspections.fields.dates"), children: dates },
              { key: "team", label: t("followUp.inspections.fields.team"), children: i.team || "—" },
              ...(i.heldOn
                ? [
                    {
                      key: "heldOn",
                      label: t("followUp.inspections.fields.heldOn"),
                      children: formatDateVi(i.heldOn),
                    },
                  ]
                : []),
              ...(i.state === "done"
                ? [
                    {
                      key: "remediation",
                      label: t("followUp.inspections.fields.remediation"),
                      children: <RemediationCounts counts={i.remediation} />,
                    },
                  ]
                : []),
              {
                key: "scope",
                label: t("followUp.inspections.fields.scope"),
                span: "filled" as const,
                children: i.scope || i.planScope || "—",
              },
              ...(i.conclusion
                ? [
                    {
                      key: "conclusion",
                      label: t("followUp.inspections.fields.conclusion"),
                      span: "filled" as const,
                      children: (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-line" }}>
                          {i.conclusion}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <MinutesCard inspection={i} />
        </Col>
        <Col span={24}>
          {i.state === "planned" && i.can.record ? <RecordForm inspection={i} /> : null}
          {i.state === "planned" && !i.can.record ? (
            <Alert type="info" showIcon title={t("followUp.inspections.notYetRecorded")} />
          ) : null}
          {i.state === "done" ? <FindingsList inspection={i} /> : null}
        </Col>
      </Row>
      {editing ? <InspectionEditDialog inspection={i} onClose={() => setEditing(false)} /> : null}
      {cancelling ? <InspectionCancelDialog inspection={i} onClose={() => setCancelling(false)} /> : null}
    </>
  );
}
