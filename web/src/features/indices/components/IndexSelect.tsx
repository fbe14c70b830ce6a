import { Select } from "antd";
import { useTranslation } from "react-i18next";
import type { IndexDefinition } from "../indices.api";

type Props = {
  indices: IndexDefinition[];
  value?: string;
  onChange: (code: string) => void;
  onlyWithResults?: boolean;
};

export function IndexSelect({ indices, value, onChange, onlyWithResults }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  // The analysis screens compare provinces: a province's own index (DDCI) rates its departments and communes.
  const byProvince = indices.filter((i) => i.subjects === "provinces");
  const list = onlyWithResults ? byProvince.filter((i) => i.years.length > 0) : byProvince;
  return (
    <Select
      value={value}
      onChange={onChange}
      aria-label={t("indices.index")}
      placeholder={t("indices.index")}
      data-testid="index-select"
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
      options={list.map((i) => ({
        value: i.code,
        label: `${i.code.replace("_", " ")} — ${en ? i.nameEn || i.nameVi : i.nameVi}`,
      }))}
      labelRender={(o) => String(o.value ?? "").replace("_", " ")}
    />
  );
}

type YearProps = { years: number[]; value?: number; onChange: (year: number) => void; allowClear?: boolean };

export function YearSelect({ years, value, onChange, allowClear }: YearProps) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      aria-label={t("indices.year")}
      placeholder={t("indices.year")}
      data-testid="year-select"
      style={{ width: 110 }}
      options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))}
      notFoundContent={t("indices.noYears")}
    />
  );
}

/** The index (with results) and its year, as the analysis screens pick them; a new index starts at its latest year. */
export function IndexYearSelects({
  indices,
  index,
  years,
  year,
  set,
}: {
  indices: IndexDefinition[];
  index?: string;
  years: number[];
  year?: number;
  set: (patch: { index?: string; year?: number }) => void;
}) {
  return (
    <>
      <IndexSelect
        indices={indices}
        value={index}
        onChange={(code) => set({ index: code, year: undefined })}
        onlyWithResults
      />
      <YearSelect years={years} value={year} onChange={(y) => set({ year: y })} />
    </>
  );
}
