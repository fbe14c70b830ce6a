import { Card, Empty, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FOLLOW_UP_KIND_LABELS_VI, type FollowUpKind } from "../../../../../core/src/follow-up/items";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { formatDateVi } from "../../../lib/dates";
import type { ItemRow } from "../../follow-up/items/items.api";
import { useItems } from "../../follow-up/items/items.queries";
import { ASSIGNMENT_STATUS_COLORS, usePlanLabels } from "../labels";

/**
 * Beside the unit's tasks, the follow-up items waiting on it (and the units under it): a finding to
 * remedy or a recommendation to answer, open or returned, overdue first (the earliest deadlines),
 * paged by the server; each opens its item on the follow-up page.
 */
export function FollowUpWorkList({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const labels = usePlanLabels();
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const filter = `unitId=${unitId}&awaiting=unit`;
  const items = useItems({ unitId, awaiting: "unit", sort: "due", order: "asc", page, pageSize });
  const kind = (k: FollowUpKind) =>
    i18n.language === "en" ? t(`plans.myTasks.followUp.kinds.${k}`) : FOLLOW_UP_KIND_LABELS_VI[k];
  const total = items.data?.total ?? 0;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t("plans.myTasks.followUp.title", { count: total })}
      extra={<Link to={`/follow-up?${filter}`}>{t("plans.myTasks.followUp.all")}</Link>}
      data-testid="my-follow-up"
    >
      <QueryErrorAlert error={items.error} onRetry={() => items.refetch()} />
      <ResponsiveTable<ItemRow>
        rowKey="id"
        size="small"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        data-testid="my-follow-up-table"
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t("plans.myTasks.followUp.empty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            title: t("plans.myTasks.followUp.content"),
            key: "content",
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/follow-up?item=${r.id}`} data-testid="my-follow-up-open">
                  {r.content}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {kind(r.kind)}
                  {r.source.label ? ` · ${r.source.label}` : ""}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t("plans.fields.unit"), key: "unit", width: 170, render: (_, r) => r.unitName },
          {
            title: t("plans.fields.deadline"),
            key: "due",
            width: 120,
            render: (_, r) => (r.dueDate ? formatDateVi(r.dueDate) : t("plans.myTasks.followUp.noDue")),
          },
          {
            title: t("plans.fields.status"),
            key: "status",
            width: 200,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.status ? (
                  <Tag color={ASSIGNMENT_STATUS_COLORS[r.status]}>{labels.taskStatus(r.status)}</Tag>
                ) : null}
                {r.state === "returned" ? (
                  <Tag color="orange">{t("plans.myTasks.followUp.returned")}</Tag>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
