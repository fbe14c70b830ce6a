import { Card, Empty, List, Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays } from "../../../../../core/src/reporting/periods";
import { formatDateVi } from "../../../lib/dates";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../../plans/labels";
import type { Home } from "../home.api";

type Work = NonNullable<Home["tasks"]>;
type Item = Work["overdue"][number];
type FollowUp = NonNullable<Home["followUp"]>;

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

/**
 * The follow-up items waiting on the unit (a finding to remedy, a recommendation to answer): how many,
 * overdue, due soon (each opening the items list with the same filters), then the first by deadline,
 * each opening its item.
 */
function FollowUpWork({ work, unitId, today }: { work: FollowUp; unitId: string; today: string }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const list = `/follow-up?unitId=${unitId}&awaiting=unit`;
  const soon = `dueFrom=${today}&dueTo=${addDays(today, work.dueSoonDays)}`;
  return (
    <div data-testid="home-follow-up">
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t("home.work.followUp.title")}
      </Typography.Title>
      <Space wrap size={[6, 6]} style={{ marginBottom: 8 }}>
        <Link to={list}>
          <Tag color="processing">{t("home.work.followUp.awaiting", { count: work.counts.awaiting })}</Tag>
        </Link>
        <Link to={`${list}&status=overdue`}>
          <Tag color={work.counts.overdue ? "error" : "default"}>
            {t("home.work.followUp.overdue", { count: work.counts.overdue })}
          </Tag>
        </Link>
        <Link to={`${list}&${soon}`}>
          <Tag color={work.counts.dueSoon ? "warning" : "default"}>
            {t("home.work.followUp.dueSoon", { days: work.dueSoonDays, count: work.counts.dueSoon })}
          </Tag>
        </Link>
      </Space>
      {work.items.length ? (
        <List
          size="small"
          dataSource={work.items}
          renderItem={(x) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/follow-up?item=${x.id}`}>{x.content}</Link>}
                description={
                  <Space wrap size={4}>
                    <span>{x.dueDate ? formatDateVi(x.dueDate) : t("home.work.followUp.noDue")}</span>
                    {x.status ? (
                      <Tag color={ASSIGNMENT_STATUS_COLORS[x.status]}>{labels.taskStatus(x.status)}</Tag>
                    ) : null}
                    {x.state === "returned" ? (
                      <Tag color="orange">{t("home.work.followUp.returned")}</Tag>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.work.followUp.none")} />
      )}
    </div>
  );
}

/**
 * The unit's work: how many in each class (each opening "my tasks" filtered), the overdue, what falls
 * due soon, and the follow-up items waiting on the unit.
 */
export function WorkToDo({
  work,
  followUp,
  unitId,
  today,
}: {
  work: Work;
  followUp: FollowUp | null;
  unitId: string;
  today: string;
}) {
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
      {followUp ? <FollowUpWork work={followUp} unitId={unitId} today={today} /> : null}
    </Card>
  );
}
