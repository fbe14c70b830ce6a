import { Card, Empty, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateVi } from "../../../lib/dates";
import { daysUntil, useReportingLabels } from "../../reporting/labels";
import type { Home } from "../home.api";

type Short = NonNullable<Home["reports"]["toWrite"]>;

/** A few reports of one kind (to write, to approve, to review), each opening the report; "all" opens the list. */
export function ReportsToDo({
  title,
  list,
  allHref,
  empty,
  testId,
}: {
  title: string;
  list: Short;
  allHref: string;
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  return (
    <Card
      size="small"
      title={
        <span>
          {title} <Tag color={list.total ? "blue" : "default"}>{list.total}</Tag>
        </span>
      }
      extra={
        list.total > list.reports.length ? (
          <Link to={allHref}>{t("home.todo.all", { count: list.total })}</Link>
        ) : null
      }
      data-testid={testId}
    >
      {list.reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          size="small"
          dataSource={list.reports}
          renderItem={(r) => {
            const left = r.dueDate ? daysUntil(r.dueDate) : null;
            return (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/reports/${r.id}`}>
                      {r.obligationTitle} — {r.periodLabel}
                    </Link>
                  }
                  description={
                    <span>
                      {r.unitName} · <Tag>{labels.state(r.state)}</Tag>
                      {r.dueDate ? (
                        <Typography.Text type={left !== null && left < 0 ? "danger" : "secondary"}>
                          {t("home.todo.due", { date: formatDateVi(r.dueDate) })}
                          {left !== null && left < 0 ? ` (${t("home.todo.late", { count: -left })})` : ""}
                        </Typography.Text>
                      ) : null}
                    </span>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
