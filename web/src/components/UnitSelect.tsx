import { Select, type SelectProps, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrgTree, useOrgUnitSearch } from "../features/org-units/org-units.queries";
import { useDebouncedValue } from "../lib/useDebouncedValue";

type Common = {
  id?: string;
  placeholder?: string;
  includeHistorical?: boolean;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  "data-testid"?: string;
  "aria-label"?: string;
  /** Names of units already chosen, when the caller knows them (e.g. a user's unit name). */
  knownLabels?: Record<string, string>;
};
type Single = Common & { multiple?: false; value?: string | null; onChange?: (value: string | null) => void };
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (value: string[]) => void };

/**
 * A unit picked by typing part of its name, without diacritics or as an abbreviation
 * ("so noi vu", "SNV"): the server's search ranks the matches.
 */
export function UnitSelect(props: Single | Multiple) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  // Searches only once something is typed: a list of 300 units is no help, a few matches are.
  const search = useOrgUnitSearch({ q, includeHistorical: props.includeHistorical, limit: 30 }, q.length > 0);
  // The tree (cached, small rows) names units that are chosen but not in the current results.
  const tree = useOrgTree(true);

  const names = useMemo(() => {
    const map = new Map<string, { name: string; active: boolean }>();
    for (const n of tree.data ?? []) map.set(n.id, { name: n.name, active: n.active });
    for (const [id, name] of Object.entries(props.knownLabels ?? {}))
      if (!map.has(id)) map.set(id, { name, active: true });
    return map;
  }, [tree.data, props.knownLabels]);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: NonNullable<SelectProps["options"]> = [];
    const label = (name: string, active: boolean) =>
      active ? (
        name
      ) : (
        <span>
          {name}{" "}
          <Tag color="default" style={{ marginInlineStart: 4 }}>
            {t("directory.historicalTag")}
          </Tag>
        </span>
      );
    for (const u of q ? (search.data ?? []) : []) {
      seen.add(u.id);
      out.push({ value: u.id, label: label(u.name, u.active), title: u.name });
    }
    const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
    for (const id of chosen) {
      if (seen.has(id)) continue;
      const n = names.get(id);
      out.push({ value: id, label: n ? label(n.name, n.active) : id, title: n?.name });
    }
    return out;
  }, [q, search.data, names, props.multiple, props.value, t]);

  const common = {
    id: props.id,
    showSearch: { filterOption: false, onSearch: setText, searchValue: text },
    placeholder: props.placeholder ?? t("unitSelect.placeholder"),
    options,
    loading: search.isFetching,
    disabled: props.disabled,
    allowClear: props.allowClear ?? true,
    style: { width: "100%", ...props.style },
    notFoundContent: search.isFetching
      ? t("common.loading")
      : q
        ? t("unitSelect.noMatch")
        : t("unitSelect.typeToSearch"),
    "data-testid": props["data-testid"],
    "aria-label": props["aria-label"],
    onBlur: () => setText(""),
  };

  if (props.multiple) {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(v) => {
          setText("");
          props.onChange?.(v);
        }}
      />
    );
  }
  return (
    <Select<string | null>
      {...common}
      value={props.value ?? null}
      onChange={(v) => {
        setText("");
        props.onChange?.(v ?? null);
      }}
    />
  );
}
