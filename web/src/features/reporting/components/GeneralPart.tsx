import { Alert, Card, Input } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchReport, patchReport, type ReportDetail } from "../reporting.api";
import { useAutosave } from "../useAutosave";
import { ConflictDialog, type ConflictField } from "./ConflictDialog";
import { SaveIndicator } from "./SaveIndicator";

type Values = { results: string; difficulties: string; proposals: string };
const FIELDS = ["results", "difficulties", "proposals"] as const;

/** The general part of the report (results, difficulties, proposals), autosaved on the report's version. */
export function GeneralPart({
  report,
  canEdit,
  register,
  onSaved,
}: {
  report: ReportDetail;
  canEdit: boolean;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<{ mine: Partial<Values>; current: ReportDetail } | null>(null);
  const initial = useMemo(
    () => ({ results: report.results, difficulties: report.difficulties, proposals: report.proposals }),
    [report.results, report.difficulties, report.proposals],
  );
  const save = useCallback(
    (patch: Partial<Values> & { version: number }) => patchReport({ id: report.id, patch }),
    [report.id],
  );
  const saved = useCallback((r: ReportDetail) => onSaved(r.version), [onSaved]);
  // The 409 of a report carries its summary only: the saved texts are read again to show them.
  const onConflict = useCallback(
    (mine: Partial<Values>) => {
      void fetchReport(report.id).then((current) => setConflict({ mine, current }));
    },
    [report.id],
  );
  const auto = useAutosave<Values, ReportDetail>({
    initial,
    version: report.version,
    save,
    onSaved: saved,
    onConflict,
    outbox: {
      kind: "general",
      targetId: report.id,
      reportId: report.id,
      label: t("reporting.general.title"),
    },
  });
  useEffect(() => {
    register("general", auto.flush, t("reporting.general.title"));
    return () => register("general", null, t("reporting.general.title"));
  }, [register, auto.flush, t]);

  const fields: ConflictField[] = conflict
    ? FIELDS.filter((f) => conflict.mine[f] !== undefined).map((f) => ({
        label: t(`reporting.general.${f}`),
        mine: conflict.mine[f] ?? "",
        theirs: conflict.current[f],
      }))
    : [];

  return (
    <Card size="small" title={t("reporting.general.title")} extra={<SaveIndicator state={auto.state} />}>
      {auto.error ? <Alert type="error" showIcon title={auto.error} style={{ marginBottom: 8 }} /> : null}
      {FIELDS.map((f) => (
        <div key={f} style={{ marginBottom: 12 }}>
          <label className="report-label" htmlFor={`general-${f}`}>
            {t(`reporting.general.${f}`)}
          </label>
          <Input.TextArea
            id={`general-${f}`}
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={20_000}
            value={auto.values[f]}
            disabled={!canEdit}
            onChange={(e) => auto.change({ [f]: e.target.value })}
            onBlur={() => void auto.flush()}
            data-testid={`general-${f}`}
          />
        </div>
      ))}
      {conflict ? (
        <ConflictDialog
          fields={fields}
          onKeepMine={() => {
            auto.resolve("mine", conflict.current);
            setConflict(null);
          }}
          onTakeTheirs={() => {
            auto.resolve("theirs", conflict.current);
            setConflict(null);
          }}
        />
      ) : null}
    </Card>
  );
}
