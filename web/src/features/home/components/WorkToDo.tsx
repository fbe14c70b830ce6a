import { Card, Empty, List, Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateVi } from "../../../lib/dates";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../../plans/labels";
import type { Home } from "../home.api";

type Work = NonNullable<Home["tasks"]>;
type Item = Work["overdue"][number];

function Items({ items }: { items: Item[] }) {
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(x) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={`/plans/${x.planId}`}>{x.content}</Link>}
            description={
              <Space wrap size={4}>
                <span>{x.planNumber}</span>
                <span>· {x.unitName}</span>
                <span>· {x.dueDate ? formatDateVi(x.dueDate) : x.deadlineRendered}</span>
                <Progress percent={x.progress} size="small" style={{ width: 90, margin: 0 }} />
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The unit's work: how many in each class (each opening "my tasks" filtered), the overdue, and what falls due soon. */
export function WorkToDo({ work }: { work: Work }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  return (
    <Card size="small" title={t("home.work.title")} data-testid="home-work">
      <Space wrap size={[6, 6]} style={{ marginBottom: 8 }}>
        {ASSIGNMENT_STATUSES.map((s) => (
          <Link key={s} to={`/plans/my-tasks?status=${s}`}>
            <Tag color={ASSIGNMENT_STATUS_COLORS[s]}>
              {labels.taskStatus(s)}: {work.counts[s] ?? 0}
            </Tag>
          </Link>
        ))}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t("home.work.overdue")}
      </Typography.Title>
      {work.overdue.length ? (
        <Items items={work.overdue} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.work.noneOverdue")} />
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t("home.work.dueSoon", { days: work.dueSoon.days, count: work.dueSoon.total })}
      </Typography.Title>
      {work.dueSoon.items.length ? (
        <Items items={work.dueSoon.items} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.work.noneSoon")} />
      )}
    </Card>
  );
}
