import { Alert, Card, Input, Radio, Select, Tag } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportQuestion } from "../../../../../core/src/reporting/questions";
import { DatePicker } from "../../../components/lazy-antd";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { useQuestionTypeLabel } from "../labels";
import { type ReportDetail, saveAnswer } from "../reporting.api";
import type { SaveState } from "../useAutosave";
import { SaveIndicator } from "./SaveIndicator";

/** A number as typed ("1.250,5" or "1250,5") as the API keeps it ("1250.5"); anything else as typed. */
const toStoredNumber = (typed: string) => {
  const v = typed.trim().replace(/\s/g, "");
  const plain = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(v) ? v.replace(/\./g, "") : v;
  return plain.replace(",", ".");
};
const toTypedNumber = (stored: string) => stored.replace(".", ",");

/**
 * The questions of an ad hoc request in the report form, each with the input its kind of answer
 * takes; required ones marked (sending is refused while one is blank, naming it). Each answer is
 * saved on its own (a choice at once, typed text when the field is left), never with the report's
 * version, so it cannot conflict with the general part.
 */
export function QuestionsBlock({
  report,
  canEdit,
  register,
}: {
  report: ReportDetail;
  canEdit: boolean;
  register: (key: string, flush: (() => Promise<boolean>) | null, label: string) => void;
}) {
  const { t } = useTranslation();
  const typeLabel = useQuestionTypeLabel();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      report.questions.map((q) => {
        const v = report.answers[q.id] ?? "";
        return [q.id, q.type === "number" ? toTypedNumber(v) : v];
      }),
    ),
  );
  const [state, setState] = useState<SaveState>("idle");
  const [error, setError] = useState<string | null>(null);
  // Typed but not yet saved, by question; read by the flush the submission calls.
  const pending = useRef(new Map<string, string>());

  const saveOne = useCallback(
    async (q: ReportQuestion) => {
      const typed = pending.current.get(q.id);
      if (typed === undefined) return true;
      setState("saving");
      try {
        await saveAnswer({
          reportId: report.id,
          questionId: q.id,
          value: q.type === "number" ? toStoredNumber(typed) : typed,
        });
        if (pending.current.get(q.id) === typed) pending.current.delete(q.id);
        setError(null);
        setState(pending.current.size ? "dirty" : "saved");
        return true;
      } catch (e) {
        setError((e as Error).message);
        setState("error");
        return false;
      }
    },
    [report.id],
  );
  const flush = useCallback(async () => {
    const results = await Promise.all(report.questions.map((q) => saveOne(q)));
    return results.every(Boolean);
  }, [report.questions, saveOne]);
  useEffect(() => {
    if (!report.questions.length) return;
    register("questions", flush, t("reporting.questions.title"));
    return () => register("questions", null, t("reporting.questions.title"));
  }, [register, flush, t, report.questions.length]);

  if (!report.questions.length) return null;
  const change = (q: ReportQuestion, value: string, now: boolean) => {
    setValues((v) => ({ ...v, [q.id]: value }));
    pending.current.set(q.id, value);
    setState("dirty");
    if (now) void saveOne(q);
  };

  const input = (q: ReportQuestion) => {
    const id = `question-${q.id}`;
    const value = values[q.id] ?? "";
    const common = { id, disabled: !canEdit, "aria-required": q.required, "data-testid": id };
    switch (q.type) {
      case "number":
        return (
          <Input
            {...common}
            inputMode="decimal"
            value={value}
            style={{ maxWidth: 240 }}
            onChange={(e) => change(q, e.target.value, false)}
            onBlur={() => void saveOne(q)}
          />
        );
      case "yesNo":
        return (
          <Radio.Group
            {...common}
            value={value || null}
            options={[
              { value: "yes", label: t("reporting.questions.yes") },
              { value: "no", label: t("reporting.questions.no") },
            ]}
            onChange={(e) => change(q, e.target.value, true)}
          />
        );
      case "date":
        return (
          <DatePicker
            {...common}
            format={DATE_FORMAT}
            value={fromIsoDate(value || null)}
            onChange={(d) => change(q, toIsoDate(d) ?? "", true)}
          />
        );
      case "choice":
        return q.choices.length <= 5 ? (
          <Radio.Group
            {...common}
            value={value || null}
            options={q.choices.map((c) => ({ value: c, label: c }))}
            onChange={(e) => change(q, e.target.value, true)}
          />
        ) : (
          <Select
            {...common}
            allowClear
            value={value || null}
            style={{ minWidth: 240, maxWidth: "100%" }}
            options={q.choices.map((c) => ({ value: c, label: c }))}
            onChange={(v) => change(q, (v as string | null) ?? "", true)}
          />
        );
      default:
        return (
          <Input.TextArea
            {...common}
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={20_000}
            value={value}
            onChange={(e) => change(q, e.target.value, false)}
            onBlur={() => void saveOne(q)}
          />
        );
    }
  };

  return (
    <Card
      size="small"
      title={t("reporting.questions.title")}
      extra={<SaveIndicator state={state} />}
      data-testid="report-questions"
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      {report.questions.map((q, i) => (
        <div key={q.id} style={{ marginBottom: 12 }}>
          <label className="report-label" htmlFor={`question-${q.id}`}>
            {i + 1}. {q.text}
            {q.required ? (
              <span style={{ color: "#cf1322" }} aria-hidden>
                {" *"}
              </span>
            ) : null}
          </label>{" "}
          <Tag>{typeLabel(q.type)}</Tag>
          {q.required ? <Tag color="red">{t("reporting.questions.required")}</Tag> : null}
          <div style={{ marginTop: 4 }}>{input(q)}</div>
        </div>
      ))}
    </Card>
  );
}
