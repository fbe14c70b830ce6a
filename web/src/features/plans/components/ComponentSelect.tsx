import { useQueries } from "@tanstack/react-query";
import { Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { componentLabel, indexAbbreviation, versionName } from "../../../../../core/src/words/indices";
import { fetchVersion, type IndexVersion } from "../../indices/indices.api";
import { indexKeys, useDefinitions } from "../../indices/indices.queries";

export type ComponentValue = { versionCode: string; componentCode: string };
export const compKey = (c: ComponentValue) => `${c.versionCode}|${c.componentCode}`;
const fromKey = (k: string): ComponentValue => {
  const [versionCode, componentCode] = k.split("|");
  return { versionCode: versionCode ?? "", componentCode: componentCode ?? "" };
};

/** The current published version of every index, with its components (cached, shared with "Chỉ số"). */
export function useCurrentVersions() {
  const defs = useDefinitions();
  const codes = useMemo(
    () =>
      (defs.data?.indices ?? [])
        // A draft of the province's own index is no method yet: tasks link to published versions.
        .map(
          (d) =>
            d.versions
              .filter((v) => v.status === "published")
              .sort((a, b) => b.validFromYear - a.validFromYear)[0]?.code,
        )
        .filter((c): c is string => !!c),
    [defs.data],
  );
  const versions = useQueries({
    queries: codes.map((code) => ({
      queryKey: indexKeys.version(code),
      queryFn: () => fetchVersion(code),
      staleTime: 60_000,
    })),
  });
  const data = versions.map((v) => v.data).filter((v): v is IndexVersion => !!v);
  return { versions: data, loading: defs.isLoading || versions.some((v) => v.isLoading) };
}

type Props = {
  value: ComponentValue[];
  onChange: (v: ComponentValue[]) => void;
  knownNames?: Record<string, string>;
  size?: "small" | "middle";
  autoFocus?: boolean;
  onBlur?: () => void;
};

/** Index components a task aims to move, grouped by index. */
export function ComponentSelect({ value, onChange, knownNames, size, autoFocus, onBlur }: Props) {
  const { t, i18n } = useTranslation();
  const { versions, loading } = useCurrentVersions();
  const options = useMemo(() => {
    const seen = new Set<string>();
    const groups = versions.map((v) => ({
      label: versionName(v.code, i18n.language),
      options: v.components.map((c) => {
        const k = `${v.code}|${c.code}`;
        seen.add(k);
        const name = i18n.language === "en" && c.nameEn ? c.nameEn : c.nameVi;
        return {
          value: k,
          label: `${indexAbbreviation(v.indexCode, i18n.language)} ${c.number} ${name}`.replace(/\s+/g, " "),
        };
      }),
    }));
    const extra = value
      .map(compKey)
      .filter((k) => !seen.has(k))
      .map((k) => ({ value: k, label: knownNames?.[k] ?? componentLabel(fromKey(k), i18n.language) }));
    return extra.length ? [...extra, ...groups] : groups;
  }, [versions, value, knownNames, i18n.language]);
  return (
    <Select
      mode="multiple"
      size={size}
      value={value.map(compKey)}
      onChange={(keys: string[]) => onChange(keys.map(fromKey))}
      options={options}
      loading={loading}
      optionFilterProp="label"
      placeholder={t("plans.grid.componentsPlaceholder")}
      aria-label={t("plans.fields.components")}
      style={{ width: "100%", minWidth: 200 }}
      autoFocus={autoFocus}
      onBlur={onBlur}
      allowClear
    />
  );
}
