import { MessageOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Button, Flex, Input, InputNumber, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ASSIGNMENT_STATUS_COLORS, usePlanLabels } from "../../plans/labels";
import type { ReportEntry } from "../reporting.api";
import { EntryDeadline, PreviousText, ReviewMarkTag } from "./EntryMarks";
import { SaveIndicator } from "./SaveIndicator";
import { progressChange, UnchangedButton, useEntryForm } from "./useEntryForm";
import { useEvidencePicker } from "./useEvidencePicker";

/**
 * One task in one row: its number in the plan, its class by core's one rule, the progress and a
 * short note typed in place, the evidence count, and "không thay đổi" as one tap. A task carried
 * unchanged costs one tap; an updated one, its progress and its note; anything more opens the
 * detailed card ("Chi tiết").
 */
export function CompactEntryRow({
  reportId,
  periodEnd,
  entry,
  evidenceCount,
  commentCount,
  canEdit,
  register,
  onDetails,
}: {
  reportId: string;
  periodEnd: string;
  entry: ReportEntry;
  evidenceCount: number;
  /** Comments on the task (the reviewer's, the unit's answers): read and answered in "Chi tiết". */
  commentCount: number;
  canEdit: boolean;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
  onDetails: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const form = useEntryForm({ reportId, periodEnd, entry, register });
  const { auto, values, change, status, today } = form;
  return (
    <div className="report-compact-row" data-testid="report-entry-row" data-entry={entry.id}>
      <Flex gap={8} align="baseline">
        <Tag data-testid="entry-number">{form.number || "—"}</Tag>
        <Typography.Text strong className="report-compact-content" title={entry.taskContent}>
          {entry.taskContent}
        </Typography.Text>
      </Flex>
      <Flex gap={6} wrap align="center" style={{ margin: "4px 0" }}>
        <Tag color={ASSIGNMENT_STATUS_COLORS[status]} data-testid="entry-status" data-status={status}>
          {labels.taskStatus(status)}
        </Tag>
        <ReviewMarkTag entry={entry} />
        <EntryDeadline entry={entry} periodEnd={periodEnd} />
        {evidenceCount ? (
          <Typography.Text type="secondary" data-testid="entry-evidence-count">
            <PaperClipOutlined /> {t("reporting.entry.evidenceCount", { count: evidenceCount })}
          </Typography.Text>
        ) : null}
        {commentCount ? (
          <Typography.Text type="warning" data-testid="entry-comment-count">
            <MessageOutlined /> {t("reporting.entry.commentCount", { count: commentCount })}
          </Typography.Text>
        ) : null}
        <SaveIndicator state={auto.state} />
      </Flex>
      <PreviousText entry={entry} narrative={values.narrative} />
      <Flex gap={8} align="start">
        <InputNumber
          min={0}
          max={100}
          precision={0}
          suffix="%"
          style={{ width: 84, flex: "none" }}
          value={values.progress}
          disabled={!canEdit}
          onChange={(v) => change(progressChange(typeof v === "number" ? Math.round(v) : 0, values, today))}
          aria-label={t("reporting.entry.progress")}
          data-testid="entry-progress"
        />
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={20_000}
          value={values.narrative}
          disabled={!canEdit}
          placeholder={t("reporting.entry.note")}
          aria-label={t("reporting.entry.note")}
          onChange={(e) => change({ narrative: e.target.value })}
          onBlur={() => void auto.flush()}
          data-testid="entry-narrative"
        />
      </Flex>
      <Flex gap={8} justify="end" style={{ marginTop: 6 }}>
        {canEdit ? <AttachButton reportId={reportId} entryId={entry.id} /> : null}
        {canEdit ? <UnchangedButton entry={entry} form={form} /> : null}
        <Button
          size="small"
          type="link"
          onClick={() => void auto.flush().then(onDetails)}
          data-testid="entry-details"
        >
          {t("reporting.entry.details")}
        </Button>
      </Flex>
      {auto.error ? <Typography.Text type="danger">{auto.error}</Typography.Text> : null}
      {form.conflictDialog}
    </div>
  );
}

/** A photo or a file for this task, from its row: one tap and the choice, without opening the card. */
function AttachButton({ reportId, entryId }: { reportId: string; entryId: string }) {
  const { t } = useTranslation();
  const picker = useEvidencePicker({ reportId, entryId });
  return (
    <>
      {picker.fileInput("entry-attach-file")}
      <Button
        size="small"
        icon={<PaperClipOutlined />}
        loading={picker.uploading}
        onClick={picker.open}
        data-testid="entry-attach"
      >
        {t("reporting.entry.attach")}
      </Button>
    </>
  );
}
