import { FileExcelOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, DatePicker, Flex, Input, Row, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { provinceToday } from "../../../../lib/clock";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { InspectionDetail } from "../inspections.api";
import { useRecordInspection } from "../inspections.queries";
import { FindingImportDialog } from "./FindingImportDialog";
import { emptyFinding, type FindingDraft, FindingRows, missingInRows, toFindingInputs } from "./FindingRows";

/**
 * The record of a planned inspection: the day it was held (not after today, not before the planned
 * start), the conclusion, and the findings with their remediation, all sent at once: the server writes
 * all of it or nothing.
 */
export function RecordForm({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordInspection();
  const today = provinceToday();
  const [heldOn, setHeldOn] = useState<string | null>(
    inspection.startsOn <= today ? (inspection.endsOn < today ? inspection.endsOn : today) : null,
  );
  const [conclusion, setConclusion] = useState("");
  const [rows, setRows] = useState<FindingDraft[]>([emptyFinding()]);
  const [importing, setImporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    if (!heldOn) return setProblem(t("followUp.inspections.record.heldOnRequired"));
    const missing = missingInRows(rows);
    if (missing) return setProblem(t("followUp.inspections.record.rowIncomplete", { n: missing }));
    setProblem(null);
    record.mutate(
      {
        id: inspection.id,
        input: {
          version: inspection.version,
          heldOn,
          conclusion: conclusion.trim(),
          findings: toFindingInputs(rows),
        },
      },
      { onSuccess: () => message.success(t("followUp.inspections.record.saved")) },
    );
  };

  return (
    <Card title={t("followUp.inspections.record.title")} data-testid="record-form">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={10} md={6}>
          <Typography.Text strong>{t("followUp.inspections.fields.heldOn")}</Typography.Text>
          <DatePicker
            value={fromIsoDate(heldOn)}
            onChange={(d) => setHeldOn(toIsoDate(d))}
            format={DATE_FORMAT}
            style={{ width: "100%" }}
            disabledDate={(d) => {
              const day = d.format("YYYY-MM-DD");
              return day > today || day < inspection.startsOn;
            }}
            aria-label={t("followUp.inspections.fields.heldOn")}
            data-testid="record-held-on"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("followUp.inspections.record.heldOnHint", { date: formatDateVi(inspection.startsOn) })}
          </Typography.Text>
        </Col>
        <Col xs={24} sm={14} md={18}>
          <Typography.Text strong>{t("followUp.inspections.fields.conclusion")}</Typography.Text>
          <Input.TextArea
            value={conclusion}
            onChange={(e) => setConclusion(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            aria-label={t("followUp.inspections.fields.conclusion")}
            data-testid="record-conclusion"
          />
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: "16px 0 8px" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("followUp.inspections.findings.title")}
        </Typography.Title>
        <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="record-import">
          {t("followUp.inspections.import.open")}
        </Button>
      </Flex>
      <FindingRows rows={rows} onChange={setRows} inspectedUnitName={inspection.unitName} />
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
      <div style={{ marginTop: 12 }}>
        <QueryErrorAlert error={record.error} />
      </div>
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={record.isPending}
          onClick={submit}
          data-testid="record-submit"
        >
          {t("followUp.inspections.record.submit", { count: rows.length })}
        </Button>
      </Flex>
      {importing ? (
        <FindingImportDialog
          inspectionId={inspection.id}
          heldOn={heldOn}
          onRows={(imported) =>
            setRows((current) => [...current.filter((r) => r.content.trim()), ...imported])
          }
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Card>
  );
}
