import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Input,
  InputNumber,
  Row,
  Slider,
  Space,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { DatePicker } from "../../../components/lazy-antd";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { ASSIGNMENT_STATUS_COLORS, usePlanLabels } from "../../plans/labels";
import type { Evidence, ReportComment, ReportEntry } from "../reporting.api";
import { CommentsBlock } from "./CommentsBlock";
import { EntryDeadline, PreviousText, ReviewMarkTag } from "./EntryMarks";
import { EvidenceBlock } from "./EvidenceBlock";
import { SaveIndicator } from "./SaveIndicator";
import { progressChange, UnchangedButton, useEntryForm } from "./useEntryForm";

/**
 * One assigned task of the report: progress and the day it finished, what was done, the figures and
 * the evidence. Its class (on time, late, overdue…) is shown, never chosen: the one rule of core
 * (`workStatus`) computes it from the deadline, the period and the day the unit states. Last
 * period's text is shown apart; "không thay đổi" confirms the task as the last period left it.
 */
export function EntryCard({
  reportId,
  periodEnd,
  entry,
  evidence,
  comments,
  canEdit,
  canComment,
  register,
  onLess,
}: {
  reportId: string;
  periodEnd: string;
  entry: ReportEntry;
  evidence: Evidence[];
  comments: ReportComment[];
  canEdit: boolean;
  canComment: boolean;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
  /** In the compact view: back to the task's row. */
  onLess?: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const form = useEntryForm({ reportId, periodEnd, entry, register });
  const { auto, values, change, status, today } = form;

  // One figure per quantitative target of the task, in the order the plan states them.
  const figureValue = (measure: string) => values.figures.find((f) => f.measure === measure)?.value ?? null;
  const setFigure = (measure: string, value: number | null) => {
    const others = values.figures.filter((f) => f.measure !== measure);
    change({ figures: [...others, { measure, value }] });
  };

  return (
    <Card
      size="small"
      className="report-entry"
      data-testid="report-entry"
      title={
        <Flex gap={8} align="baseline" wrap>
          <Tag data-testid="entry-number">{form.number || "—"}</Tag>
          <Typography.Text strong style={{ whiteSpace: "normal" }}>
            {entry.taskContent}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Space size={4}>
          <SaveIndicator state={auto.state} />
          {onLess ? (
            <Button size="small" type="link" onClick={onLess} data-testid="entry-less">
              {t("reporting.entry.less")}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space size="small" wrap style={{ marginBottom: 8 }}>
        <Tag>{labels.role(entry.role)}</Tag>
        <EntryDeadline entry={entry} periodEnd={periodEnd} />
        <ReviewMarkTag entry={entry} />
        {canEdit ? <UnchangedButton entry={entry} form={form} /> : null}
      </Space>
      {auto.error ? <Alert type="error" showIcon title={auto.error} style={{ marginBottom: 8 }} /> : null}
      <Row gutter={[16, 8]}>
        <Col xs={24} md={8}>
          <span className="report-label">{t("reporting.entry.status")}</span>
          <Tag color={ASSIGNMENT_STATUS_COLORS[status]} data-testid="entry-status" data-status={status}>
            {labels.taskStatus(status)}
          </Tag>
          {values.progress === 100 ? (
            <div style={{ marginTop: 8 }}>
              <label className="report-label" htmlFor={`completed-${entry.id}`}>
                {t("reporting.entry.completedAt")}
              </label>
              <DatePicker
                id={`completed-${entry.id}`}
                format={DATE_FORMAT}
                allowClear={false}
                value={fromIsoDate(values.completedAt)}
                disabled={!canEdit}
                disabledDate={(d) => d.format("YYYY-MM-DD") > today}
                onChange={(d) => change({ completedAt: toIsoDate(d) ?? today, progress: 100 })}
                style={{ width: "100%" }}
                data-testid="entry-completed-at"
              />
            </div>
          ) : null}
        </Col>
        <Col xs={24} md={16}>
          <label className="report-label" htmlFor={`progress-${entry.id}`}>
            {t("reporting.entry.progress")}
          </label>
          <Flex gap={12} align="center">
            <Slider
              style={{ flex: 1 }}
              min={0}
              max={100}
              step={5}
              value={values.progress}
              disabled={!canEdit}
              onChange={(progress) => change(progressChange(progress, values, today))}
              aria-label={t("reporting.entry.progress")}
            />
            <InputNumber
              id={`progress-${entry.id}`}
              min={0}
              max={100}
              precision={0}
              suffix="%"
              value={values.progress}
              disabled={!canEdit}
              onChange={(v) =>
                change(progressChange(typeof v === "number" ? Math.round(v) : 0, values, today))
              }
              data-testid="entry-progress"
            />
          </Flex>
        </Col>
        <Col span={24}>
          <PreviousText entry={entry} narrative={values.narrative} />
          <label className="report-label" htmlFor={`narrative-${entry.id}`}>
            {t("reporting.entry.narrative")}
          </label>
          <Input.TextArea
            id={`narrative-${entry.id}`}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={20_000}
            value={values.narrative}
            disabled={!canEdit}
            placeholder={t("reporting.entry.narrativePlaceholder")}
            onChange={(e) => change({ narrative: e.target.value })}
            onBlur={() => void auto.flush()}
            data-testid="entry-narrative"
          />
        </Col>
        {entry.quantitativeTargets.length ? (
          <Col span={24}>
            <span className="report-label">{t("reporting.entry.figures")}</span>
            <Space direction="vertical" style={{ width: "100%" }}>
              {entry.quantitativeTargets.map((q) => (
                <Flex key={q.measure} gap={8} align="center" wrap>
                  <Typography.Text style={{ minWidth: 240 }}>
                    {q.measure}{" "}
                    <Typography.Text type="secondary">
                      ({t("reporting.entry.target")}: {q.comparator} {q.value} {q.unit})
                    </Typography.Text>
                  </Typography.Text>
                  <InputNumber
                    value={figureValue(q.measure)}
                    disabled={!canEdit}
                    onChange={(v) => setFigure(q.measure, typeof v === "number" ? v : null)}
                    suffix={q.unit || undefined}
                    aria-label={q.measure}
                    data-testid="entry-figure"
                  />
                </Flex>
              ))}
            </Space>
          </Col>
        ) : null}
        <Col span={24}>
          <EvidenceBlock reportId={reportId} entryId={entry.id} items={evidence} canEdit={canEdit} />
        </Col>
        <Col span={24}>
          <CommentsBlock
            reportId={reportId}
            taskId={entry.taskId}
            comments={comments}
            canComment={canComment}
          />
        </Col>
      </Row>
      {form.conflictDialog}
    </Card>
  );
}
