import { Card, Empty } from "antd";
import { useTranslation } from "react-i18next";
import { useIndexProvinces } from "../indices.queries";
import { provinceName } from "../provinceLabel";

/** A calm "no result" for a province: what is missing and what to choose instead, never a red error. */
export function NoResults({ province, index, atAll }: { province?: string; index?: string; atAll: boolean }) {
  const { t, i18n } = useTranslation();
  const provinces = useIndexProvinces();
  const p = provinces.data?.provinces.find((x) => x.code === province);
  const name = p ? provinceName(p, i18n.language === "en") : (province ?? "");
  return (
    <Card data-testid="indices-no-results">
      <Empty
        description={
          atAll
            ? t("indices.noResultsProvince", { province: name })
            : t("indices.noResultsProvinceIndex", { province: name, index: (index ?? "").replace("_", " ") })
        }
      />
    </Card>
  );
}
