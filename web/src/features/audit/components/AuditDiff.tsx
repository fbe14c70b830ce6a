import { Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  auditFieldName,
  auditValueWords,
  isAuditFieldShown,
} from "../../../../../core/src/words/audit-fields";
import { formatDateTimeVi, formatDateVi } from "../../../lib/dates";
import { type DiffRow, diffAudit, displayValue } from "../audit-diff";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function showValue(value: unknown): string {
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDateVi(value);
  if (typeof value === "string" && ISO_TIME.test(value)) return formatDateTimeVi(value);
  return displayValue(value);
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * Before and after of one change, key by key. A creation or deletion lists the values once;
 * an update marks changed values in words, not only in colour.
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, i18n } = useTranslation();
  const created = before == null;
  const deleted = after == null;
  // Fields in words; identifiers and other technical fields are not shown (core/src/words/audit-fields.ts).
  const rows = diffAudit(before, after).filter(
    (r) => isAuditFieldShown(r.key) && (!(created || deleted) || !isEmpty(created ? r.after : r.before)),
  );
  const show = (value: unknown, key: string) => showValue(auditValueWords(key, value, i18n.language));
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.noDetails")} />;

  const field = {
    title: t("audit.field"),
    dataIndex: "key",
    width: 220,
    render: (k: string, r: DiffRow) => (
      <Typography.Text strong={r.changed && !created && !deleted}>
        {auditFieldName(k, i18n.language)}
      </Typography.Text>
    ),
  };

  if (created || deleted) {
    return (
      <Table<DiffRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          field,
          {
            title: created ? t("audit.valueCreated") : t("audit.valueDeleted"),
            key: "value",
            render: (_, r) => show(created ? r.after : r.before, r.key),
          },
        ]}
      />
    );
  }

  return (
    <Table<DiffRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? "" : "diff-unchanged")}
      columns={[
        field,
        {
          title: t("audit.before"),
          dataIndex: "before",
          render: (v: unknown, r) =>
            r.changed ? <span className="diff-removed">{show(v, r.key)}</span> : show(v, r.key),
        },
        {
          title: t("audit.after"),
          dataIndex: "after",
          render: (v: unknown, r) =>
            r.changed ? (
              <span className="diff-added">
                {show(v, r.key)} <Typography.Text type="secondary">({t("audit.changed")})</Typography.Text>
              </span>
            ) : (
              show(v, r.key)
            ),
        },
      ]}
    />
  );
}
