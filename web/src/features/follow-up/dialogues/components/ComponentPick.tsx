import { Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { indexAbbreviation, versionName } from "../../../../../../core/src/words/indices";
import { useCurrentVersions } from "../../../plans/components/ComponentSelect";

export type ComponentRef = { versionCode: string; componentCode: string };

/**
 * One index component a recommendation concerns, among the current published versions (the same
 * catalogue the plans' tasks link to).
 */
export function ComponentPick({
  value,
  onChange,
  placeholder,
}: {
  value?: ComponentRef | null;
  onChange?: (v: ComponentRef | null) => void;
  placeholder?: string;
}) {
  const { i18n } = useTranslation();
  const { versions, loading } = useCurrentVersions();
  const options = useMemo(
    () =>
      versions.map((v) => ({
        label: versionName(v.code, i18n.language),
        options: v.components.map((c) => ({
          value: `${v.code}|${c.code}`,
          label: `${indexAbbreviation(v.indexCode, i18n.language)} ${c.number} ${
            i18n.language === "en" && c.nameEn ? c.nameEn : c.nameVi
          }`.replace(/\s+/g, " "),
        })),
      })),
    [versions, i18n.language],
  );
  return (
    <Select
      showSearch={{ optionFilterProp: "label" }}
      allowClear
      loading={loading}
      value={value ? `${value.versionCode}|${value.componentCode}` : undefined}
      onChange={(k?: string) => {
        if (!k) return onChange?.(null);
        const [versionCode, componentCode] = k.split("|");
        onChange?.({ versionCode, componentCode });
      }}
      options={options}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: "100%" }}
    />
  );
}
