import { Space, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

type Counts = { open: number; overdue: number; closed: number };

/** How a set of remediations stands: in time, overdue, done; nothing when there is none. */
export function RemediationCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  if (counts.open + counts.overdue + counts.closed === 0) return <span>—</span>;
  return (
    <Space size={4} wrap>
      {counts.open ? (
        <Tooltip title={t("followUp.inspections.remediation.openHint")}>
          <Tag color="processing" style={{ marginInlineEnd: 0 }}>
            {t("followUp.inspections.remediation.open", { count: counts.open })}
          </Tag>
        </Tooltip>
      ) : null}
      {counts.overdue ? (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t("followUp.inspections.remediation.overdue", { count: counts.overdue })}
        </Tag>
      ) : null}
      {counts.closed ? (
        <Tag color="success" style={{ marginInlineEnd: 0 }}>
          {t("followUp.inspections.remediation.closed", { count: counts.closed })}
        </Tag>
      ) : null}
    </Space>
  );
}
