import { Alert, Badge, Card, DatePicker, Empty, Flex, List, Skeleton, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { provinceToday } from "../../../lib/clock";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { PlanSelect } from "../components/PlanSelect";
import type { Timeline } from "../plans.api";
import { useTimeline } from "../plans.queries";
import { useUrlParams } from "../useUrlParams";

type Item = Timeline["items"][number];

/** Deadlines month by month; what is past due today is red. */
export function TimelinePage() {
  const { t } = useTranslation();
  const { params, set } = useUrlParams(["from", "to", "planId"] as const);
  const data = useTimeline({ from: params.from, to: params.to, planId: params.planId, limit: 1000 });
  const today = provinceToday();
  const months = useMemo(() => {
    const m = new Map<string, Item[]>();
    for (const it of data.data?.items ?? []) {
      const k = it.date.slice(0, 7);
      m.set(k, [...(m.get(k) ?? []), it]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [data.data]);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[fromIsoDate(params.from), fromIsoDate(params.to)]}
          onChange={(v) => set({ from: toIsoDate(v?.[0]), to: toIsoDate(v?.[1]) })}
          placeholder={[t("plans.tasks.dueFrom"), t("plans.tasks.dueTo")]}
          allowEmpty={[true, true]}
        />
        <PlanSelect value={params.planId} onChange={(v) => set({ planId: v })} style={{ width: 320 }} />
        <Flex gap={8} align="center">
          <Badge color="red" text={t("plans.timeline.overdue")} />
          <Badge color="blue" text={t("plans.timeline.upcoming")} />
        </Flex>
      </Flex>
      <QueryErrorAlert error={data.error} onRetry={() => data.refetch()} />
      {data.isLoading ? <Skeleton active /> : null}
      {!data.isLoading && months.length === 0 ? <Empty description={t("plans.timeline.empty")} /> : null}
      {data.data && data.data.tasksShown < data.data.tasksTotal ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="timeline-partial"
          title={t("plans.timeline.partial", {
            shown: data.data.tasksShown,
            total: data.data.tasksTotal,
          })}
        />
      ) : null}
      <Flex vertical gap={12} data-testid="timeline">
        {months.map(([month, items]) => {
          const [y, m] = month.split("-");
          return (
            <Card
              key={month}
              size="small"
              title={`${t("plans.timeline.month")} ${m}/${y}`}
              extra={<Tag>{items.length}</Tag>}
            >
              <List
                size="small"
                dataSource={items}
                renderItem={(it) => {
                  const overdue = it.date < today;
                  return (
                    <List.Item>
                      <Flex gap={12} align="baseline" style={{ width: "100%" }}>
                        <Typography.Text
                          strong
                          style={{ color: overdue ? "#cf1322" : undefined, minWidth: 90 }}
                        >
                          {formatDateVi(it.date)}
                        </Typography.Text>
                        <Flex vertical style={{ flex: 1 }}>
                          <Typography.Text style={{ color: overdue ? "#cf1322" : undefined }}>
                            {it.number ? <strong>{it.number}. </strong> : null}
                            {it.content}
                            {it.label ? <Tag style={{ marginInlineStart: 6 }}>{it.label}</Tag> : null}
                          </Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            <Link to={`/plans/${it.planId}`}>{it.planNumber || t("plans.noNumber")}</Link>
                            {it.leads.length ? ` · ${it.leads.join("; ")}` : ""} · {it.deadlineRendered}
                          </Typography.Text>
                        </Flex>
                        {overdue ? <Tag color="error">{t("plans.timeline.overdue")}</Tag> : null}
                      </Flex>
                    </List.Item>
                  );
                }}
              />
            </Card>
          );
        })}
      </Flex>
    </>
  );
}
