import { Empty, Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { formatDateVi } from "../../../../lib/dates";
import type { InspectionListQuery, InspectionSummary } from "../inspections.api";
import { useInspections } from "../inspections.queries";
import { INSPECTION_STATE_COLORS, useInspectionLabels } from "../labels";
import { RemediationCounts } from "./RemediationCounts";

/**
 * Inspections paged by the server: a plan's (by unit, with its team) or a unit's history (by plan).
 * The unit (or the plan) heads each card on a phone; `actions` adds the row's buttons.
 */
export function InspectionsTable({
  query,
  by,
  page,
  pageSize,
  onPage,
  actions,
  testId,
}: {
  query: InspectionListQuery;
  by: "unit" | "plan";
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  actions?: (i: InspectionSummary) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const list = useInspections({ ...query, page, pageSize });
  const dates = (i: InspectionSummary) =>
    i.startsOn === i.endsOn
      ? formatDateVi(i.startsOn)
      : `${formatDateVi(i.startsOn)} – ${formatDateVi(i.endsOn)}`;

  const columns: ColumnsType<InspectionSummary> = [
    by === "unit"
      ? {
          title: t("followUp.inspections.fields.unit"),
          dataIndex: "unitName",
          render: (v: string, r) => <Link to={`/follow-up/inspections/${r.id}`}>{v}</Link>,
        }
      : {
          title: t("followUp.inspections.fields.plan"),
          dataIndex: "planTitle",
          render: (v: string, r) => (
            <Flex vertical gap={2}>
              <Link to={`/follow-up/inspections/${r.id}`}>{v}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.planNumber, r.ownerUnitName].filter(Boolean).join(" · ")}
              </Typography.Text>
            </Flex>
          ),
        },
    { title: t("followUp.inspections.fields.dates"), key: "dates", width: 200, render: (_, r) => dates(r) },
    ...(by === "unit"
      ? [{ title: t("followUp.inspections.fields.team"), dataIndex: "team", ellipsis: true }]
      : [{ title: t("followUp.inspections.fields.unit"), dataIndex: "unitName", width: 180 }]),
    {
      title: t("followUp.inspections.fields.state"),
      dataIndex: "state",
      width: 150,
      render: (s: string, r) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={INSPECTION_STATE_COLORS[s]}>{labels.state(s)}</Tag>
          </span>
          {r.heldOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("followUp.inspections.heldOnShort", { date: formatDateVi(r.heldOn) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t("followUp.inspections.fields.findings"),
      dataIndex: "findingCount",
      width: 110,
      align: "right",
      render: (n: number, r) => (r.state === "done" ? n : "—"),
    },
    {
      title: t("followUp.inspections.fields.remediation"),
      key: "remediation",
      width: 220,
      render: (_, r) => <RemediationCounts counts={r.remediation} />,
    },
    ...(actions
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 120,
            render: (_: unknown, r: InspectionSummary) => actions(r),
          },
        ]
      : []),
  ];

  return (
    <>
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <ResponsiveTable<InspectionSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.inspections ?? []}
        data-testid={testId}
        locale={{ emptyText: <Empty description={t("followUp.inspections.noInspections")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { count: total }),
          onChange: onPage,
        }}
        columns={columns}
      />
    </>
  );
}
