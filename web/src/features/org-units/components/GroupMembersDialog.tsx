import { DatePicker, Empty, Flex, Modal, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { DATE_FORMAT, formatDateVi, toIsoDate } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { OrgGroup, OrgUnit } from "../org-units.api";
import { useOrgGroupMembers } from "../org-units.queries";

/** Who the group means at a given date: before 1/7/2025 a group of communes also meant the districts' ones. */
export function GroupMembersDialog({ group, onClose }: { group: OrgGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const members = useOrgGroupMembers(group.id, toIsoDate(at));

  return (
    <Modal
      open
      title={t("groups.membersTitle", { name: group.name })}
      footer={null}
      onCancel={onClose}
      width={760}
    >
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <label htmlFor="members-at">{t("groups.membersAt")}</label>
        <DatePicker id="members-at" value={at} onChange={setAt} format={DATE_FORMAT} allowClear={false} />
        <Typography.Text type="secondary">
          {members.data ? t("groups.memberCount", { count: members.data.length }) : null}
        </Typography.Text>
      </Flex>
      <QueryErrorAlert error={members.error} />
      <Table<OrgUnit>
        rowKey="id"
        size="small"
        loading={members.isFetching}
        dataSource={members.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("groups.noMembers")} /> }}
        columns={[
          {
            title: t("directory.name"),
            dataIndex: "name",
            sorter: (a, b) => compareVietnamese(a.name, b.name),
          },
          {
            title: t("directory.kind"),
            dataIndex: "kind",
            width: 220,
            render: (k: string) => labels.unitKind(k),
          },
          {
            title: t("directory.validity"),
            key: "validity",
            width: 200,
            render: (_, u) =>
              `${formatDateVi(u.validFrom) || "…"} – ${formatDateVi(u.validTo) || t("directory.validNow")}`,
          },
        ]}
      />
    </Modal>
  );
}
