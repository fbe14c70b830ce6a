import { Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { compareVietnamese, foldVietnamese } from "../../../../../core/src/text/vietnamese";
import { useIndexProvinces } from "../indices.queries";
import { provinceName } from "../provinceLabel";

type Option = { value: string; label: string; search: string };

function useProvinceOptions() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const provinces = useIndexProvinces();
  const options = useMemo(() => {
    const list = provinces.data?.provinces ?? [];
    const toOption = (p: (typeof list)[number], former: boolean): Option => {
      const name = provinceName(p, en);
      return {
        value: p.code,
        label: former ? t("indices.province.formerLabel", { name }) : name,
        search: foldVietnamese(`${p.name} ${p.nameEn} ${p.code}`),
      };
    };
    const sort = (a: Option, b: Option) => compareVietnamese(a.label, b.label);
    const current = list.filter((p) => p.era !== "pre2025").map((p) => toOption(p, false));
    const former = list.filter((p) => p.era === "pre2025").map((p) => toOption(p, true));
    return [
      { label: t("indices.province.current", { count: current.length }), options: current.sort(sort) },
      { label: t("indices.province.formerOnly", { count: former.length }), options: former.sort(sort) },
    ];
  }, [provinces.data, en, t]);
  return { options, loading: provinces.isLoading };
}

const filterOption = (input: string, option?: { search?: string; label?: unknown }) =>
  !!option?.search && option.search.includes(foldVietnamese(input));

type Props = { value?: string; onChange: (code: string) => void; testId?: string; width?: number };

/** One province, searched without diacritics ("binh dinh" finds "Bình Định"). */
export function ProvinceSelect({ value, onChange, testId = "province-select", width = 280 }: Props) {
  const { t } = useTranslation();
  const { options, loading } = useProvinceOptions();
  return (
    <Select
      showSearch={{ filterOption }}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      placeholder={t("indices.province.placeholder")}
      aria-label={t("indices.province.label")}
      data-testid={testId}
      style={{ width }}
      notFoundContent={t("common.noData")}
    />
  );
}

type MultiProps = { value: string[]; onChange: (codes: string[]) => void; exclude?: string };

/** Peer provinces to compare with (at most 10, as the server allows). */
export function PeerSelect({ value, onChange, exclude }: MultiProps) {
  const { t } = useTranslation();
  const { options, loading } = useProvinceOptions();
  const filtered = options.map((g) => ({ ...g, options: g.options.filter((o) => o.value !== exclude) }));
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption }}
      value={value}
      onChange={(v) => onChange(v.slice(0, 10))}
      options={filtered}
      loading={loading}
      maxCount={10}
      allowClear
      placeholder={t("indices.components.peersPlaceholder")}
      aria-label={t("indices.components.peers")}
      data-testid="peer-select"
      style={{ minWidth: 280, maxWidth: 520 }}
    />
  );
}
