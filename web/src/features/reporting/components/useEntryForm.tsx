import { useQueryClient } from "@tanstack/react-query";
import { App, Button } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { numberInPlan } from "../../../../../core/src/plans/numbering";
import { workStatus } from "../../../../../core/src/plans/status";
import { provinceToday } from "../../../lib/clock";
import { formatDateVi } from "../../../lib/dates";
import { patchEntry, type ReportDetail, type ReportEntry } from "../reporting.api";
import { reportingKeys } from "../reporting.queries";
import { useAutosave } from "../useAutosave";
import { ConflictDialog, type ConflictField } from "./ConflictDialog";

export type EntryValues = {
  progress: number;
  completedAt: string | null;
  narrative: string;
  figures: ReportEntry["figures"];
};

const valuesOf = (e: ReportEntry): EntryValues => ({
  progress: e.progress,
  completedAt: e.completedAt,
  narrative: e.narrative,
  figures: e.figures,
});

/** What the unit types: progress, and once at 100 % the day it finished (today unless it says). */
export function progressChange(progress: number, values: EntryValues, today: string): Partial<EntryValues> {
  if (progress >= 100) return { progress: 100, completedAt: values.completedAt ?? today };
  return { progress, completedAt: null };
}

/** Replaces entries of the cached report by what the server answered (their newer versions are adopted). */
export function useAdoptEntries(reportId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (saved: ReportEntry[], only?: (e: ReportEntry) => Partial<ReportEntry>) =>
      queryClient.setQueryData<ReportDetail>(reportingKeys.report(reportId), (old) => {
        if (!old) return old;
        const byId = new Map(saved.map((e) => [e.id, e]));
        return {
          ...old,
          entries: old.entries.map((e) => {
            const s = byId.get(e.id);
            return s ? { ...e, ...(only ? only(s) : s) } : e;
          }),
        };
      }),
    [queryClient, reportId],
  );
}

/**
 * One entry of the report as the form edits it, in either view (compact row or detailed card):
 * its autosave, its class by core's one rule, its number in the plan ("II.3"), the conflict dialog,
 * and the explicit "không thay đổi" act. The review mark shown is the server's: after each save the
 * cached report takes the mark the server answered, so the counter of tasks to review counts what
 * is recorded, never what was only typed.
 */
export function useEntryForm({
  reportId,
  periodEnd,
  entry,
  register,
}: {
  reportId: string;
  periodEnd: string;
  entry: ReportEntry;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adopt = useAdoptEntries(reportId);
  const [conflict, setConflict] = useState<{ mine: Partial<EntryValues>; current: ReportEntry } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const initial = useMemo(() => valuesOf(entry), [entry]);
  const save = useCallback(
    (patch: Partial<EntryValues> & { version: number }) =>
      patchEntry({ id: entry.id, patch }).then((saved) => {
        // Only the mark: the values and version stay the autosave's own until it is idle.
        adopt([saved], (s) => ({ reviewMark: s.reviewMark }));
        return saved;
      }),
    [entry.id, adopt],
  );
  const onConflict = useCallback((mine: Partial<EntryValues>, current: unknown) => {
    if (current) setConflict({ mine, current: current as ReportEntry });
  }, []);
  const number = numberInPlan(entry.sectionNumber, entry.taskNumber);
  const label = `${t("reporting.entry.task")} ${number}: ${
    entry.taskContent.length > 60 ? `${entry.taskContent.slice(0, 59)}…` : entry.taskContent
  }`;
  // Every change is kept on the device too (features/offline), and sent when the connection returns.
  const auto = useAutosave<EntryValues, ReportEntry>({
    initial,
    version: entry.version,
    save,
    onConflict,
    outbox: { kind: "entry", targetId: entry.id, reportId, label },
  });
  const { values } = auto;
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

  /** "Không thay đổi": what is typed is saved first; then the act, recorded by the server. */
  const confirmUnchanged = async () => {
    setConfirming(true);
    try {
      if (!(await auto.flush())) return;
      const saved = await patchEntry({
        id: entry.id,
        patch: { version: auto.versionRef.current, unchanged: true },
      });
      // The whole entry: its newer version and the last period's text, now this period's, are adopted.
      adopt([saved]);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setConfirming(false);
    }
  };

  const conflictFields: ConflictField[] = conflict ? conflictFieldsOf(conflict, t) : [];
  const conflictDialog = conflict ? (
    <ConflictDialog
      fields={conflictFields}
      onKeepMine={() => {
        auto.resolve("mine", conflict.current as unknown as EntryValues & { version: number });
        setConflict(null);
      }}
      onTakeTheirs={() => {
        auto.resolve("theirs", conflict.current as unknown as EntryValues & { version: number });
        setConflict(null);
      }}
    />
  ) : null;

  return {
    auto,
    values,
    change: auto.change,
    status,
    number,
    today,
    confirmUnchanged,
    confirming,
    conflictDialog,
  };
}

function conflictFieldsOf(
  conflict: { mine: Partial<EntryValues>; current: ReportEntry },
  t: (k: string) => string,
): ConflictField[] {
  const { mine, current } = conflict;
  return [
    ...(mine.narrative !== undefined
      ? [{ label: t("reporting.entry.narrative"), mine: mine.narrative, theirs: current.narrative }]
      : []),
    ...(mine.completedAt !== undefined
      ? [
          {
            label: t("reporting.entry.completedAt"),
            mine: formatDateVi(mine.completedAt) || "—",
            theirs: formatDateVi(current.completedAt) || "—",
          },
        ]
      : []),
    ...(mine.progress !== undefined
      ? [{ label: t("reporting.entry.progress"), mine: `${mine.progress}%`, theirs: `${current.progress}%` }]
      : []),
    ...(mine.figures !== undefined
      ? [
          {
            label: t("reporting.entry.figures"),
            mine: mine.figures.map((f) => `${f.measure}: ${f.value ?? "—"}`).join("\n"),
            theirs: current.figures.map((f) => `${f.measure}: ${f.value ?? "—"}`).join("\n"),
          },
        ]
      : []),
  ];
}

/** "Không thay đổi": one tap, offered while the task is untouched this period and nothing is typed. */
export function UnchangedButton({
  entry,
  form,
}: {
  entry: Pick<ReportEntry, "reviewMark">;
  form: Pick<ReturnType<typeof useEntryForm>, "auto" | "confirming" | "confirmUnchanged">;
}) {
  const { t } = useTranslation();
  if (entry.reviewMark !== null || form.auto.state !== "idle") return null;
  return (
    <Button
      size="small"
      loading={form.confirming}
      onClick={() => void form.confirmUnchanged()}
      data-testid="entry-unchanged"
    >
      {t("reporting.entry.unchanged")}
    </Button>
  );
}
