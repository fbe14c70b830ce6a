import { Select, type SelectProps, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../lib/useDebouncedValue";
import { useOrgGroups, useOrgTree, useOrgUnitSearch } from "../../org-units/org-units.queries";
import type { Participant, ParticipantRef } from "../plans.api";

/** A participant as a select value: "u:<unit id>", "g:<group id>" or "n:<name as written>". */
export type ParticipantValue = string;

export const refToValue = (r: ParticipantRef): ParticipantValue =>
  "unitId" in r ? `u:${r.unitId}` : "groupId" in r ? `g:${r.groupId}` : `n:${r.name}`;
export const valueToRef = (v: ParticipantValue): ParticipantRef =>
  v.startsWith("u:")
    ? { unitId: v.slice(2) }
    : v.startsWith("g:")
      ? { groupId: v.slice(2) }
      : { name: v.slice(2) };
export const participantToValue = (p: Participant): ParticipantValue =>
  p.unitId ? `u:${p.unitId}` : p.groupId ? `g:${p.groupId}` : `n:${p.name}`;

type Props = {
  value: ParticipantValue[];
  onChange: (value: ParticipantValue[]) => void;
  /** Labels of values the caller already knows (names of matched participants, words as written). */
  knownLabels?: Record<string, string>;
  /** Extra options offered first (an importer's suggestions). */
  extraOptions?: Array<{ value: ParticipantValue; label: string }>;
  placeholder?: string;
  disabled?: boolean;
  size?: "small" | "middle";
  "data-testid"?: string;
  "aria-label"?: string;
  autoFocus?: boolean;
  onBlur?: () => void;
};

/**
 * Leads and coordinators: units found by typing (diacritics-insensitive server search) and the
 * directory's groups ("UBND các xã, phường"), several allowed.
 */
export function ParticipantSelect(props: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const search = useOrgUnitSearch({ q, limit: 30 }, q.length > 0);
  const groups = useOrgGroups();
  const tree = useOrgTree(true);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const units: NonNullable<SelectProps["options"]> = [];
    const grp: NonNullable<SelectProps["options"]> = [];
    const extra: NonNullable<SelectProps["options"]> = [];
    const fold = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/gi, "d")
        .toLowerCase();
    for (const o of props.extraOptions ?? []) {
      if (seen.has(o.value)) continue;
      seen.add(o.value);
      extra.push({ value: o.value, label: o.label, title: o.label });
    }
    for (const g of groups.data ?? []) {
      const v = `g:${g.id}`;
      if (seen.has(v)) continue;
      if (q && !fold(g.name).includes(fold(q)) && !props.value.includes(v)) continue;
      seen.add(v);
      grp.push({
        value: v,
        title: g.name,
        label: (
          <span>
            <Tag color="purple" style={{ marginInlineEnd: 4 }}>
              {t("plans.participants.group")}
            </Tag>
            {g.name}
          </span>
        ),
      });
    }
    for (const u of q ? (search.data ?? []) : []) {
      const v = `u:${u.id}`;
      if (seen.has(v)) continue;
      seen.add(v);
      units.push({ value: v, label: u.name, title: u.name });
    }
    const names = new Map((tree.data ?? []).map((n) => [`u:${n.id}`, n.name]));
    const chosen: NonNullable<SelectProps["options"]> = [];
    for (const v of props.value) {
      if (seen.has(v)) continue;
      seen.add(v);
      const label = props.knownLabels?.[v] ?? names.get(v) ?? (v.startsWith("n:") ? v.slice(2) : v);
      chosen.push({
        value: v,
        title: label,
        label: v.startsWith("n:") ? (
          <span>
            <Tag color="red" style={{ marginInlineEnd: 4 }}>
              {t("plans.participants.unmatched")}
            </Tag>
            {label}
          </span>
        ) : (
          label
        ),
      });
    }
    const out: NonNullable<SelectProps["options"]> = [...chosen];
    if (extra.length) out.push({ label: t("plans.participants.suggestions"), options: extra });
    if (units.length) out.push({ label: t("plans.participants.units"), options: units });
    if (grp.length) out.push({ label: t("plans.participants.groups"), options: grp });
    return out;
  }, [q, search.data, groups.data, tree.data, props.value, props.knownLabels, props.extraOptions, t]);

  return (
    <Select<string[]>
      mode="multiple"
      size={props.size}
      value={props.value}
      onChange={(v) => {
        setText("");
        props.onChange(v);
      }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={options}
      loading={search.isFetching || groups.isLoading}
      disabled={props.disabled}
      placeholder={props.placeholder ?? t("plans.participants.placeholder")}
      notFoundContent={search.isFetching ? t("common.loading") : t("plans.participants.typeToSearch")}
      style={{ width: "100%", minWidth: 200 }}
      data-testid={props["data-testid"]}
      aria-label={props["aria-label"]}
      autoFocus={props.autoFocus}
      onBlur={() => {
        setText("");
        props.onBlur?.();
      }}
      allowClear
    />
  );
}
