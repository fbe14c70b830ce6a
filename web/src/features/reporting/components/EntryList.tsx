import { CheckOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Collapse, Flex, Popconfirm, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  doneBeforePeriod,
  entriesToReview,
  reviewStateOf,
} from "../../../../../core/src/reporting/entry-review";
import { confirmEntriesUnchanged, type ReportDetail, type ReportEntry } from "../reporting.api";
import { reportingKeys } from "../reporting.queries";
import { CompactEntryRow } from "./CompactEntryRow";
import { EntryCard } from "./EntryCard";
import { useAdoptEntries } from "./useEntryForm";

type Register = (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;

/**
 * The report's tasks, compact (one row each, the default) or detailed (a card each): the counter of
 * tasks still to review and "the rest: unchanged" for the unit, where each task stands for the
 * reviewer; work finished before the period folded away (a reopened task has no completion day, so
 * it comes back by itself).
 */
export function EntryList({
  report: r,
  reviewer,
  register,
  flushAll,
}: {
  report: ReportDetail;
  reviewer: boolean;
  register: Register;
  flushAll: () => Promise<string[]>;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const compact = params.get("view") !== "detailed";
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const open = r.entries.filter((e) => !doneBeforePeriod(e, r.periodStart));
  const done = r.entries.filter((e) => doneBeforePeriod(e, r.periodStart));
  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const render = (e: ReportEntry) => {
    const evidence = r.evidence.filter((ev) => ev.entryId === e.id);
    const comments = r.comments.filter((c) => c.taskId === e.taskId);
    const common = { reportId: r.id, periodEnd: r.periodEnd, entry: e, canEdit: r.can.edit, register };
    if (compact && !expanded.has(e.id))
      return (
        <CompactEntryRow
          key={e.id}
          {...common}
          evidenceCount={evidence.length}
          commentCount={comments.length}
          onDetails={() => toggle(e.id)}
        />
      );
    return (
      <EntryCard
        key={e.id}
        {...common}
        evidence={evidence}
        comments={comments}
        canComment={r.can.comment && (reviewer || comments.length > 0)}
        onLess={compact ? () => toggle(e.id) : undefined}
      />
    );
  };

  return (
    <Flex vertical gap={compact ? 0 : 12}>
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Segmented
          value={compact ? "compact" : "detailed"}
          onChange={(v) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (v === "detailed") next.set("view", "detailed");
                else next.delete("view");
                return next;
              },
              { replace: true },
            )
          }
          options={[
            { value: "compact", label: t("reporting.form.viewCompact") },
            { value: "detailed", label: t("reporting.form.viewDetailed") },
          ]}
          aria-label={t("reporting.form.view")}
          data-testid="report-view"
        />
        <ReviewCounter report={r} flushAll={flushAll} />
      </Flex>
      {r.entries.length === 0 ? <Alert type="info" showIcon title={t("reporting.form.noEntries")} /> : null}
      {open.map(render)}
      {done.length ? (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          data-testid="entries-done-earlier"
          items={[
            {
              key: "done",
              label: t("reporting.form.doneEarlier", { count: done.length }),
              children: (
                <Flex vertical gap={compact ? 0 : 12}>
                  {done.map(render)}
                </Flex>
              ),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}

/**
 * For the unit: "còn N nhiệm vụ chưa xem" (counted from the marks the server recorded) and one act
 * for all of them; for anyone else: how many were updated, confirmed unchanged or left untouched.
 */
function ReviewCounter({ report: r, flushAll }: { report: ReportDetail; flushAll: () => Promise<string[]> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const adopt = useAdoptEntries(r.id);
  const [busy, setBusy] = useState(false);
  const left = entriesToReview(r.entries, r.periodStart);
  if (!r.can.edit) {
    const count = { updated: 0, unchanged: 0, untouched: 0 };
    for (const e of r.entries) if (!doneBeforePeriod(e, r.periodStart)) count[reviewStateOf(e)]++;
    return (
      <Typography.Text type="secondary" data-testid="report-review-summary">
        {t("reporting.form.reviewSummary", count)}
      </Typography.Text>
    );
  }
  const confirmRest = async () => {
    setBusy(true);
    try {
      // What is typed is saved first: a task being written is updated, not unchanged.
      const unsaved = await flushAll();
      if (unsaved.length) {
        message.error(t("reporting.form.unsaved", { parts: unsaved.join("; ") }), 8);
        return;
      }
      const current = queryClient.getQueryData<ReportDetail>(reportingKeys.report(r.id)) ?? r;
      const untouched = current.entries
        .filter((e) => e.reviewMark === null && !doneBeforePeriod(e, r.periodStart))
        .map((e) => ({ id: e.id, version: e.version }));
      if (!untouched.length) return;
      const saved = await confirmEntriesUnchanged({ reportId: r.id, entries: untouched });
      adopt(saved);
      message.success(t("reporting.form.allUnchangedDone", { count: saved.length }));
      void queryClient.invalidateQueries({ queryKey: reportingKeys.report(r.id) });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text
        strong={left > 0}
        type={left ? undefined : "success"}
        data-testid="report-to-review"
        data-count={left}
      >
        {left ? t("reporting.form.toReview", { count: left }) : t("reporting.form.allReviewed")}
      </Typography.Text>
      {left ? (
        <Popconfirm
          title={t("reporting.form.allUnchangedConfirm", { count: left })}
          okText={t("reporting.entry.unchanged")}
          cancelText={t("common.cancel")}
          onConfirm={() => confirmRest()}
          okButtonProps={{ "data-testid": "entries-all-unchanged-confirm" } as never}
        >
          <Button size="small" icon={<CheckOutlined />} loading={busy} data-testid="entries-all-unchanged">
            {t("reporting.form.allUnchanged")}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
