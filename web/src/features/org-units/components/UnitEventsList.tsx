import { ArrowRightOutlined } from "@ant-design/icons";
import { Empty, Space, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { OrgUnitEvent } from "../org-units.api";

type Props = { events: OrgUnitEvent[]; currentId: string; onSelect: (id: string) => void };

const COLORS: Record<string, string> = { merge: "blue", split: "purple", rename: "cyan", dissolve: "red" };

/** Merges, splits and dissolutions: predecessors → successors, with the decision and its date. */
export function UnitEventsList({ events, currentId, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("directory.noHistory")} />;

  const unitLinks = (units: { id: string; name: string }[]) =>
    units.length === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      units.map((u, i) => (
        <span key={u.id}>
          {i > 0 ? ", " : null}
          {u.id === currentId ? (
            <Typography.Text strong>{u.name}</Typography.Text>
          ) : (
            <Typography.Link onClick={() => onSelect(u.id)}>{u.name}</Typography.Link>
          )}
        </span>
      ))
    );

  return (
    <Timeline
      items={[...events]
        .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))
        .map((e) => ({
          key: e.id,
          color: COLORS[e.kind] ?? "gray",
          content: (
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color={COLORS[e.kind]}>{labels.eventKind(e.kind)}</Tag>
                <Typography.Text strong>{formatDateVi(e.effectiveDate)}</Typography.Text>
                {e.decision ? <Typography.Text type="secondary">{e.decision}</Typography.Text> : null}
              </Space>
              <span>
                {unitLinks(e.predecessors)} <ArrowRightOutlined aria-label={t("directory.becomes")} />{" "}
                {unitLinks(e.successors)}
              </span>
              {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
            </Space>
          ),
        }))}
    />
  );
}
