import {
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_ENTITIES, auditActionName, auditEntityName } from "../../../../../core/src/words/audit";
import { ExportXlsxButton } from "../../../components/ExportXlsxButton";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { DATE_FORMAT, formatDateTimeVi, toIsoDate } from "../../../lib/dates";
import type { AuditEntry, AuditListQuery } from "../audit.api";
import { useAudit } from "../audit.queries";
import { AuditDiff } from "../components/AuditDiff";
import { UserPicker } from "../components/UserPicker";

const ACTION_COLORS: Record<string, string> = {
  create: "green",
  update: "blue",
  delete: "red",
  login: "cyan",
  logout: "default",
};

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<AuditListQuery>({ page: 1, pageSize: 20 });
  const [entityIdText, setEntityIdText] = useState("");
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const audit = useAudit(query);

  const filter = (patch: Partial<AuditListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  // Names come from core's one map of audited actions and entities (core/src/words/audit.ts).
  const entityLabel = (e: string) => auditEntityName(e, i18n.language);
  const actionLabel = (a: string) => auditActionName(a, i18n.language);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t("audit.at"), dataIndex: "at", width: 160, render: (v: string) => formatDateTimeVi(v) },
    { title: t("audit.actor"), dataIndex: "actorName", width: 200 },
    { title: t("audit.entity"), dataIndex: "entity", width: 180, render: (e: string) => entityLabel(e) },
    {
      title: t("audit.action"),
      dataIndex: "action",
      width: 180,
      render: (a: string) => <Tag color={ACTION_COLORS[a.split(".")[0]] ?? "purple"}>{actionLabel(a)}</Tag>,
    },
    {
      title: t("audit.entityId"),
      dataIndex: "entityId",
      render: (id: string | null) =>
        id ? (
          <Typography.Link
            onClick={() => {
              setEntityIdText(id);
              filter({ entityId: id });
            }}
            title={t("audit.filterThisEntity")}
          >
            <Typography.Text code copyable={{ text: id }}>
              {id.slice(0, 8)}…
            </Typography.Text>
          </Typography.Link>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t("audit.title")}
        extra={
          <ExportXlsxButton
            path="/api/audit.xlsx"
            query={{ ...query, page: undefined, pageSize: undefined }}
            testId="audit-export-xlsx"
          />
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <Select
            allowClear
            placeholder={t("audit.filterEntity")}
            aria-label={t("audit.filterEntity")}
            value={query.entity}
            onChange={(v?: string) => filter({ entity: v })}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            style={{ width: 200 }}
            data-testid="audit-entity"
          />
          <Input.Search
            allowClear
            placeholder={t("audit.filterEntityId")}
            aria-label={t("audit.filterEntityId")}
            value={entityIdText}
            onChange={(e) => setEntityIdText(e.target.value)}
            onSearch={(v) => filter({ entityId: v.trim() || undefined })}
            style={{ width: 300 }}
          />
          <UserPicker
            value={query.actorUserId}
            onChange={(v) => filter({ actorUserId: v })}
            style={{ width: 260 }}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => {
              setRange(v);
              filter({ from: toIsoDate(v?.[0]) ?? undefined, to: toIsoDate(v?.[1]) ?? undefined });
            }}
            placeholder={[t("audit.from"), t("audit.to")]}
            aria-label={t("audit.dateRange")}
          />
        </Flex>
      </Card>
      <QueryErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={audit.data?.entries ?? []}
        loading={audit.isFetching}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        onChange={(p) =>
          setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? q.pageSize }))
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t("common.total", { count: total }),
        }}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("audit.empty")} /> }}
        data-testid="audit-table"
      />
    </>
  );
}
