import { Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { componentLabel, indexAbbreviation, versionName } from "../../../../../../core/src/words/indices";
import { useCurrentVersions } from "../../../plans/components/ComponentSelect";

/** "version|component", the value of one component. */
export type ComponentKey = string;
export const componentKey = (
  versionCode: string | null,
  componentCode: string | null,
): ComponentKey | null => (versionCode && componentCode ? `${versionCode}|${componentCode}` : null);
export const splitComponentKey = (key: ComponentKey | null) => {
  const [versionCode, componentCode] = (key ?? "").split("|");
  return versionCode && componentCode
    ? { versionCode, componentCode }
    : { versionCode: null, componentCode: null };
};

/**
 * The one index component a finding concerns, from the current published version of each index (as a
 * plan's tasks pick theirs), grouped by index; a component already chosen from an older version stays
 * shown by its name.
 */
export function ComponentPick({
  value,
  onChange,
  knownName,
  id,
}: {
  value: ComponentKey | null;
  onChange: (v: ComponentKey | null) => void;
  knownName?: string | null;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const { versions, loading } = useCurrentVersions();
  const options = useMemo(() => {
    const groups = versions.map((v) => ({
      label: versionName(v.code, i18n.language),
      options: v.components.map((c) => ({
        value: `${v.code}|${c.code}`,
        label: `${indexAbbreviation(v.indexCode, i18n.language)} ${c.number} ${
          i18n.language === "en" && c.nameEn ? c.nameEn : c.nameVi
        }`.replace(/\s+/g, " "),
      })),
    }));
    const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
    if (value && !known.has(value)) {
      const { versionCode, componentCode } = splitComponentKey(value);
      const label = componentLabel(
        { versionCode: versionCode ?? "", componentCode: componentCode ?? "", name: knownName },
        i18n.language,
      );
      return [{ value, label }, ...groups];
    }
    return groups;
  }, [versions, value, knownName, i18n.language]);
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: "label" }}
      allowClear
      value={value}
      onChange={(v?: string) => onChange(v ?? null)}
      options={options}
      loading={loading}
      placeholder={t("followUp.inspections.findings.componentPlaceholder")}
      aria-label={t("followUp.inspections.findings.component")}
      style={{ width: "100%" }}
      popupMatchSelectWidth={false}
    />
  );
}
