import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { daysUntil } from "../labels";

/** "Còn 5 ngày", "Hạn hôm nay", "Quá hạn 3 ngày". */
export function DaysLeft({ due }: { due: string }) {
  const { t } = useTranslation();
  const d = daysUntil(due);
  if (d < 0) return <Tag color="error">{t("reporting.days.overdue", { count: -d })}</Tag>;
  if (d === 0) return <Tag color="warning">{t("reporting.days.today")}</Tag>;
  return <Tag color={d <= 3 ? "warning" : "default"}>{t("reporting.days.left", { count: d })}</Tag>;
}
