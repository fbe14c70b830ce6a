import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, DatePicker, Empty, Flex, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../../components/UnitSelect";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { FindingInput } from "../inspections.api";
import { useInspectionLabels } from "../labels";
import { type ComponentKey, ComponentPick, splitComponentKey } from "./ComponentPick";

/** A finding being written: its remediation's unit left empty means the inspected unit. */
export interface FindingDraft {
  key: string;
  content: string;
  severity: "low" | "medium" | "high";
  component: ComponentKey | null;
  componentName?: string | null;
  unitId: string | null;
  unitName?: string | null;
  dueDate: string | null;
  requiredResult: string;
}

let seq = 0;
export const emptyFinding = (): FindingDraft => ({
  key: `f${++seq}`,
  content: "",
  severity: "medium",
  component: null,
  unitId: null,
  dueDate: null,
  requiredResult: "",
});

/** The rows as the API takes them (the server checks them all again). */
export const toFindingInputs = (rows: FindingDraft[]): FindingInput[] =>
  rows.map((r) => ({
    content: r.content.trim(),
    severity: r.severity,
    ...splitComponentKey(r.component),
    remediation: { unitId: r.unitId, dueDate: r.dueDate ?? "", requiredResult: r.requiredResult.trim() },
  }));

/** What is plainly missing before sending: the row's number and what to fill. */
export function missingInRows(rows: FindingDraft[]): string | null {
  const i = rows.findIndex((r) => !r.content.trim() || !r.dueDate);
  return i < 0 ? null : String(i + 1);
}

/**
 * Findings written as rows, each with its remediation: content, severity, index component, the
 * responsible unit (the inspected unit when none is chosen), the deadline and the result required.
 * Each row is a card laid out in columns on a wide screen and stacked on a phone.
 */
export function FindingRows({
  rows,
  onChange,
  inspectedUnitName,
}: {
  rows: FindingDraft[];
  onChange: (rows: FindingDraft[]) => void;
  inspectedUnitName: string;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const patch = (key: string, change: Partial<FindingDraft>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );

  return (
    <Flex vertical gap={8} data-testid="finding-rows">
      {rows.length === 0 ? <Empty description={t("followUp.inspections.findings.none")} /> : null}
      {rows.map((r, i) => (
        <Card
          key={r.key}
          size="small"
          title={t("followUp.inspections.findings.number", { n: i + 1 })}
          extra={
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("followUp.inspections.findings.remove", { n: i + 1 })}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            />
          }
          data-testid="finding-row"
        >
          <Row gutter={[8, 8]}>
            <Col xs={24} lg={12}>
              {label(t("followUp.inspections.findings.content"))}
              <Input.TextArea
                value={r.content}
                onChange={(e) => patch(r.key, { content: e.target.value })}
                autoSize={{ minRows: 2, maxRows: 6 }}
                aria-label={t("followUp.inspections.findings.content")}
                status={r.content.trim() ? undefined : "warning"}
                data-testid="finding-content"
              />
            </Col>
            <Col xs={12} lg={4}>
              {label(t("followUp.inspections.findings.severity"))}
              <Select
                value={r.severity}
                onChange={(v) => patch(r.key, { severity: v })}
                options={labels.severityOptions}
                aria-label={t("followUp.inspections.findings.severity")}
                style={{ width: "100%" }}
              />
            </Col>
            <Col xs={12} lg={8}>
              {label(t("followUp.inspections.findings.component"))}
              <ComponentPick
                value={r.component}
                knownName={r.componentName}
                onChange={(v) => patch(r.key, { component: v })}
              />
            </Col>
            <Col xs={24} lg={8}>
              {label(t("followUp.inspections.findings.unit"))}
              <UnitSelect
                value={r.unitId}
                onChange={(v) => patch(r.key, { unitId: v })}
                knownLabels={r.unitId && r.unitName ? { [r.unitId]: r.unitName } : undefined}
                placeholder={t("followUp.inspections.findings.unitDefault", { unit: inspectedUnitName })}
                aria-label={t("followUp.inspections.findings.unit")}
              />
            </Col>
            <Col xs={24} sm={8} lg={4}>
              {label(t("followUp.inspections.findings.dueDate"))}
              <DatePicker
                value={fromIsoDate(r.dueDate)}
                onChange={(d) => patch(r.key, { dueDate: toIsoDate(d) })}
                format={DATE_FORMAT}
                style={{ width: "100%" }}
                aria-label={t("followUp.inspections.findings.dueDate")}
                status={r.dueDate ? undefined : "warning"}
                data-testid="finding-due"
              />
            </Col>
            <Col xs={24} sm={16} lg={12}>
              {label(t("followUp.inspections.findings.requiredResult"))}
              <Input.TextArea
                value={r.requiredResult}
                onChange={(e) => patch(r.key, { requiredResult: e.target.value })}
                autoSize={{ minRows: 1, maxRows: 4 }}
                aria-label={t("followUp.inspections.findings.requiredResult")}
              />
            </Col>
          </Row>
        </Card>
      ))}
      <div>
        <Button
          icon={<PlusOutlined />}
          onClick={() => onChange([...rows, emptyFinding()])}
          data-testid="finding-add-row"
        >
          {t("followUp.inspections.findings.addRow")}
        </Button>
      </div>
    </Flex>
  );
}
