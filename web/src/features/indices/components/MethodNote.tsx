import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../format";
import type { MethodBreak } from "../methodBreaks";

/** Under a chart: why its line breaks ("Từ năm 2018 PAPI đổi phương pháp: thang điểm 80 thay cho 60…"). */
export function MethodNote({ index, breaks }: { index: string; breaks: readonly MethodBreak[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  if (breaks.length === 0) return null;
  return (
    <div data-testid="method-note">
      {breaks.map((b) => (
        <Typography.Paragraph key={b.year} type="secondary" style={{ marginBottom: 4 }}>
          {b.scaleChanged
            ? t("indices.method.scaleChanged", {
                year: b.year,
                index: index.replace("_", " "),
                to: formatNumber(b.to.scaleMax, 2, lang),
                from: formatNumber(b.from.scaleMax, 2, lang),
              })
            : t("indices.method.ruleChanged", { year: b.year, index: index.replace("_", " ") })}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
