import {
  Alert,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Row,
  Slider,
  Space,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { workStatus } from "../../../../../core/src/plans/status";
import { provinceToday } from "../../../lib/clock";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { ASSIGNMENT_STATUS_COLORS, usePlanLabels } from "../../plans/labels";
import { type Evidence, patchEntry, type ReportComment, type ReportEntry } from "../reporting.api";
import { useAutosave } from "../useAutosave";
import { CommentsBlock } from "./CommentsBlock";
import { ConflictDialog, type ConflictField } from "./ConflictDialog";
import { EvidenceBlock } from "./EvidenceBlock";
import { SaveIndicator } from "./SaveIndicator";

type Values = {
  progress: number;
  completedAt: string | null;
  narrative: string;
  figures: ReportEntry["figures"];
};

const valuesOf = (e: ReportEntry): Values => ({
  progress: e.progress,
  completedAt: e.completedAt,
  narrative: e.narrative,
  figures: e.figures,
});

/** What the unit types: progress, and once at 100 % the day it finished (today unless it says). */
export function progressChange(progress: number, values: Values, today: string): Partial<Values> {
  if (progress >= 100) return { progress: 100, completedAt: values.completedAt ?? today };
  return { progress, completedAt: null };
}

/**
 * One assigned task of the report: progress and the day it finished, what was done, the figures and
 * the evidence. Its class (on time, late, overdue…) is shown, never chosen: the one rule of core
 * (`workStatus`) computes it from the deadline, the period and the day the unit states.
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
}: {
  reportId: string;
  periodEnd: string;
  entry: ReportEntry;
  evidence: Evidence[];
  comments: ReportComment[];
  canEdit: boolean;
  canComment: boolean;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
}) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const [conflict, setConflict] = useState<{ mine: Partial<Values>; current: ReportEntry } | null>(null);
  const initial = useMemo(() => valuesOf(entry), [entry]);
  const save = useCallback(
    (patch: Partial<Values> & { version: number }) => patchEntry({ id: entry.id, patch }),
    [entry.id],
  );
  const onConflict = useCallback((mine: Partial<Values>, current: unknown) => {
    if (current) setConflict({ mine, current: current as ReportEntry });
  }, []);
  const label = `${t("reporting.entry.task")} ${entry.taskNumber || ""}: ${
    entry.taskContent.length > 60 ? `${entry.taskContent.slice(0, 59)}…` : entry.taskContent
  }`;
  const auto = useAutosave<Values, ReportEntry>({
    initial,
    version: entry.version,
    save,
    onConflict,
    outbox: { kind: "entry", targetId: entry.id, reportId, label },
  });
  const { values, change } = auto;
  useEffect(() => {
    register(entry.id, auto.flush, label);
    return () => register(entry.id, null, label);
  }, [register, entry.id, auto.flush, label]);
  const today = provinceToday();
  const status = workStatus({
    due: entry.dueDate,
    recurring: entry.recurring,
    completedAt: values.completedAt,
    progress: values.progress,
    periodEnd,
    today,
  });

  // One figure per quantitative target of the task, in the order the plan states them.
  const figureValue = (measure: string) => values.figures.find((f) => f.measure === measure)?.value ?? null;
  const setFigure = (measure: string, value: number | null) => {
    const others = values.figures.filter((f) => f.measure !== measure);
    change({ figures: [...others, { measure, value }] });
  };

  const conflictFields: ConflictField[] = conflict
    ? [
        ...(conflict.mine.narrative !== undefined
          ? [
              {
                label: t("reporting.entry.narrative"),
                mine: conflict.mine.narrative,
                theirs: conflict.current.narrative,
              },
            ]
          : []),
        ...(conflict.mine.completedAt !== undefined
          ? [
              {
                label: t("reporting.entry.completedAt"),
                mine: formatDateVi(conflict.mine.completedAt) || "—",
                theirs: formatDateVi(conflict.current.completedAt) || "—",
              },
            ]
          : []),
        ...(conflict.mine.progress !== undefined
          ? [
              {
                label: t("reporting.entry.progress"),
                mine: `${conflict.mine.progress}%`,
                theirs: `${conflict.current.progress}%`,
              },
            ]
          : []),
        ...(conflict.mine.figures !== undefined
          ? [
              {
                label: t("reporting.entry.figures"),
                mine: conflict.mine.figures.map((f) => `${f.measure}: ${f.value ?? "—"}`).join("\n"),
                theirs: conflict.current.figures.map((f) => `${f.measure}: ${f.value ?? "—"}`).join("\n"),
              },
            ]
          : []),
      ]
    : [];

  return (
    <Card
      size="small"
      className="report-entry"
      data-testid="report-entry"
      title={
        <Flex gap={8} align="baseline" wrap>
          <Tag>{entry.taskNumber || "—"}</Tag>
          <Typography.Text strong style={{ whiteSpace: "normal" }}>
            {entry.taskContent}
          </Typography.Text>
        </Flex>
      }
      extra={<SaveIndicator state={auto.state} />}
    >
      <Space size="small" wrap style={{ marginBottom: 8 }}>
        <Tag>{labels.role(entry.role)}</Tag>
        <Typography.Text type="secondary">
          {t("reporting.entry.deadline")}:{" "}
          {entry.dueDate ? formatDateVi(entry.dueDate) : entry.deadlineText || "—"}
        </Typography.Text>
        {entry.carriedForward ? <Tag color="purple">{t("reporting.entry.carried")}</Tag> : null}
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
      {conflict ? (
        <ConflictDialog
          fields={conflictFields}
          onKeepMine={() => {
            auto.resolve("mine", conflict.current as unknown as Values & { version: number });
            setConflict(null);
          }}
          onTakeTheirs={() => {
            auto.resolve("theirs", conflict.current as unknown as Values & { version: number });
            setConflict(null);
          }}
        />
      ) : null}
    </Card>
  );
}
