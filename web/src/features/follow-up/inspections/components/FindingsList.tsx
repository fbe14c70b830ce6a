import { EditOutlined, FileExcelOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { componentLabel } from "../../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { formatDateVi } from "../../../../lib/dates";
import { ASSIGNMENT_STATUS_COLORS } from "../../../plans/labels";
import type { Finding, InspectionDetail } from "../inspections.api";
import { useAddFindings, useUpdateFinding } from "../inspections.queries";
import { REMEDIATION_STATE_COLORS, SEVERITY_COLORS, useInspectionLabels } from "../labels";
import { ComponentPick, componentKey, splitComponentKey } from "./ComponentPick";
import { FindingImportDialog } from "./FindingImportDialog";
import { emptyFinding, type FindingDraft, FindingRows, missingInRows, toFindingInputs } from "./FindingRows";

/**
 * A recorded inspection's findings, each with its remediation as it stands and a link to follow it on
 * the items page; findings added later (by hand or from a workbook) and corrected while not accepted.
 */
export function FindingsList({ inspection }: { inspection: InspectionDetail }) {
  const { t, i18n } = useTranslation();
  const labels = useInspectionLabels();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Finding | null>(null);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("followUp.inspections.findings.title")}
        </Typography.Title>
        <Space wrap>
          {inspection.findings.length ? (
            <Link to={`/follow-up?inspectionId=${inspection.id}`} data-testid="all-remediations">
              {t("followUp.inspections.findings.allItems")}
            </Link>
          ) : null}
          {inspection.can.addFindings ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="findings-add">
                {t("followUp.inspections.findings.add")}
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => setImporting(true)}
                data-testid="findings-import-open"
              >
                {t("followUp.inspections.import.open")}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>
      <ResponsiveTable<Finding>
        rowKey="id"
        size="middle"
        dataSource={inspection.findings}
        pagination={false}
        data-testid="findings-table"
        locale={{ emptyText: <Empty description={t("followUp.inspections.findings.noneRecorded")} /> }}
        columns={[
          {
            title: t("followUp.inspections.findings.content"),
            dataIndex: "content",
            render: (v: string, f) => (
              <Flex vertical gap={2}>
                <span>
                  {f.position}. {v}
                </span>
                {f.versionCode && f.componentCode ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {componentLabel(
                      { versionCode: f.versionCode, componentCode: f.componentCode, name: f.componentName },
                      i18n.language,
                    )}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("followUp.inspections.findings.severity"),
            dataIndex: "severity",
            width: 120,
            render: (s: string) => <Tag color={SEVERITY_COLORS[s]}>{labels.severity(s)}</Tag>,
          },
          {
            title: t("followUp.inspections.findings.unit"),
            key: "unit",
            width: 180,
            render: (_, f) => f.remediation?.unitName ?? "—",
          },
          {
            title: t("followUp.inspections.findings.dueDate"),
            key: "due",
            width: 110,
            render: (_, f) => formatDateVi(f.remediation?.dueDate),
          },
          {
            title: t("followUp.inspections.findings.remediation"),
            key: "remediation",
            width: 220,
            render: (_, f) =>
              f.remediation ? (
                <Flex vertical gap={4} align="start">
                  <Space size={4} wrap>
                    <Tag color={REMEDIATION_STATE_COLORS[f.remediation.state]}>
                      {labels.remediationState(f.remediation.state)}
                    </Tag>
                    {f.remediation.status ? (
                      <Tag color={ASSIGNMENT_STATUS_COLORS[f.remediation.status]}>
                        {labels.status(f.remediation.status)}
                      </Tag>
                    ) : null}
                  </Space>
                  <Link to={`/follow-up?item=${f.remediation.itemId}`} data-testid="finding-item-link">
                    {t("followUp.inspections.findings.openItem")}
                  </Link>
                </Flex>
              ) : (
                "—"
              ),
          },
          ...(inspection.can.addFindings
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, f: Finding) =>
                    f.can.update ? (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t("common.edit")}
                        onClick={() => setEditing(f)}
                      />
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {adding ? <AddFindingsDialog inspection={inspection} onClose={() => setAdding(false)} /> : null}
      {importing ? (
        <FindingImportDialog
          inspectionId={inspection.id}
          heldOn={inspection.heldOn}
          onClose={() => setImporting(false)}
        />
      ) : null}
      {editing ? <FindingEditDialog finding={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** Findings added to a recorded inspection: the record's rules, deadlines against the day it was held. */
function AddFindingsDialog({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddFindings();
  const [rows, setRows] = useState<FindingDraft[]>([emptyFinding()]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const missing = missingInRows(rows);
    if (!rows.length || missing)
      return setProblem(t("followUp.inspections.record.rowIncomplete", { n: missing ?? "1" }));
    add.mutate(
      { id: inspection.id, findings: toFindingInputs(rows) },
      {
        onSuccess: () => {
          message.success(t("followUp.inspections.findings.added", { count: rows.length }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      width={1000}
      title={t("followUp.inspections.findings.add")}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: add.isPending, "data-testid": "findings-add-submit" } as never}
      onOk={submit}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("followUp.inspections.findings.addHint", { date: formatDateVi(inspection.heldOn) })}
      </Typography.Paragraph>
      <FindingRows rows={rows} onChange={setRows} inspectedUnitName={inspection.unitName} />
      {problem ? <QueryErrorAlert error={new Error(problem)} /> : null}
      <div style={{ marginTop: 12 }}>
        <QueryErrorAlert error={add.error} />
      </div>
    </Modal>
  );
}

type EditValues = { content: string; severity: Finding["severity"]; component: string | null };

/** A finding's text, severity and component, corrected while its remediation is not accepted. */
function FindingEditDialog({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useInspectionLabels();
  const update = useUpdateFinding();
  const [form] = Form.useForm<EditValues>();
  return (
    <Modal
      open
      title={t("followUp.inspections.findings.editTitle", { n: finding.position })}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: update.isPending, "data-testid": "finding-edit-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={update.error} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          content: finding.content,
          severity: finding.severity,
          component: componentKey(finding.versionCode, finding.componentCode),
        }}
        onFinish={(v) =>
          update.mutate(
            {
              id: finding.id,
              input: { content: v.content, severity: v.severity, ...splitComponentKey(v.component ?? null) },
            },
            {
              onSuccess: () => {
                message.success(t("followUp.inspections.findings.saved"));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="content"
          label={t("followUp.inspections.findings.content")}
          rules={[
            { required: true, whitespace: true, message: t("followUp.inspections.findings.contentRequired") },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="severity" label={t("followUp.inspections.findings.severity")}>
          <Select options={labels.severityOptions} />
        </Form.Item>
        <Form.Item name="component" label={t("followUp.inspections.findings.component")}>
          <ComponentPickField knownName={finding.componentName} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("followUp.inspections.findings.editHint")}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

/** ComponentPick as a form field (value and onChange from Form.Item). */
function ComponentPickField({
  value,
  onChange,
  knownName,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  knownName?: string | null;
}) {
  return <ComponentPick value={value ?? null} onChange={(v) => onChange?.(v)} knownName={knownName} />;
}
