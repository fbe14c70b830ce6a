import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../lib/useDebouncedValue";
import type { PlanSummary } from "../plans.api";
import { usePlan, usePlans } from "../plans.queries";

const SHOWN = 30;

/**
 * A plan picked from the server's list: the newest first, or those matching what is typed (number or
 * title, without diacritics). A province has hundreds of plans over the years: the list says how many
 * more there are rather than cutting them silently, and the chosen plan is named even when it is not
 * among the ones shown.
 */
export function PlanSelect({
  value,
  onChange,
  style,
  status,
  placeholder,
  "data-testid": testId,
}: {
  value?: string;
  /** Only plans in this state ("issued" for scorecards). */
  status?: "draft" | "issued";
  placeholder?: string;
  onChange: (value: string | undefined) => void;
  style?: React.CSSProperties;
  "data-testid"?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const list = usePlans({ q: q || undefined, status, pageSize: SHOWN });
  const chosen = usePlan(value);
  const label = (p: Pick<PlanSummary, "number" | "title">) =>
    `${p.number || t("plans.noNumber")} — ${p.title}`;
  const options = (list.data?.plans ?? []).map((p) => ({ value: p.id, label: label(p) }));
  const plan = chosen.data;
  if (value && plan && !options.some((o) => o.value === value))
    options.unshift({ value, label: label(plan) });
  const total = list.data?.total ?? 0;
  const more = total - (list.data?.plans.length ?? 0);
  return (
    <Select
      allowClear
      value={value}
      onChange={(v) => {
        setText("");
        onChange(v ?? undefined);
      }}
      placeholder={placeholder ?? t("plans.fields.plan")}
      aria-label={t("plans.fields.plan")}
      style={style}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onBlur={() => setText("")}
      loading={list.isFetching}
      options={options}
      notFoundContent={list.isFetching ? t("common.loading") : t("plans.planSelect.noMatch")}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 ? (
            <div style={{ padding: "4px 12px", color: "rgba(0,0,0,0.45)", fontSize: 12 }}>
              {t("plans.planSelect.more", { count: more, total })}
            </div>
          ) : null}
        </>
      )}
    />
  );
}
