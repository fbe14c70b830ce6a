import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from "@ant-design/icons";
import { App, Button, Empty, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { useLabels } from "../../../lib/labels";
import type { OrgGroup } from "../org-units.api";
import { useDeleteOrgGroup, useOrgGroups } from "../org-units.queries";
import { GroupFormDialog } from "./GroupFormDialog";
import { GroupMembersDialog } from "./GroupMembersDialog";

type Props = { canManage: boolean };

export function GroupsTab({ canManage }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const groups = useOrgGroups();
  const remove = useDeleteOrgGroup();
  const [editing, setEditing] = useState<OrgGroup | "new" | null>(null);
  const [viewing, setViewing] = useState<OrgGroup | null>(null);

  const columns: TableColumnsType<OrgGroup> = [
    {
      title: t("groups.name"),
      dataIndex: "name",
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      defaultSortOrder: "ascend",
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t("groups.rule"),
      key: "rule",
      render: (_, g) =>
        g.ruleKinds.length || g.ruleParentId ? (
          <Space orientation="vertical" size={2}>
            {g.ruleKinds.length ? (
              // Wrapped as separate items, so that the kinds never run together when read or copied.
              <Space size={[0, 4]} wrap>
                {g.ruleKinds.map((k) => (
                  <Tag key={k}>{labels.unitKind(k)}</Tag>
                ))}
              </Space>
            ) : (
              <span>{t("groups.anyKind")}</span>
            )}
            {g.ruleParentName ? (
              <Typography.Text type="secondary">
                {g.ruleDescendants
                  ? t("groups.underParentDeep", { parent: g.ruleParentName })
                  : t("groups.underParent", { parent: g.ruleParentName })}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("groups.noRule")}</Typography.Text>
        ),
    },
    {
      title: t("groups.explicitMembers"),
      key: "members",
      width: 140,
      align: "right",
      render: (_, g) => g.memberIds.length,
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 400,
      render: (_, g) => (
        <Space>
          <Button size="small" icon={<TeamOutlined />} onClick={() => setViewing(g)}>
            {t("groups.viewMembers")}
          </Button>
          {canManage ? (
            <>
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(g)}>
                {t("common.edit")}
              </Button>
              <Popconfirm
                title={t("groups.deleteConfirm", { name: g.name })}
                okText={t("common.delete")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(g.id).then(
                    () => message.success(t("groups.deleted")),
                    (e: Error) => message.error(e.message),
                  )
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="group-create"
          >
            {t("groups.create")}
          </Button>
        ) : null}
      </Space>
      <QueryErrorAlert error={groups.error} onRetry={() => groups.refetch()} />
      <Table<OrgGroup>
        rowKey="id"
        columns={columns}
        dataSource={groups.data ?? []}
        loading={groups.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("groups.empty")} /> }}
      />
      {editing ? (
        <GroupFormDialog group={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {viewing ? <GroupMembersDialog group={viewing} onClose={() => setViewing(null)} /> : null}
    </>
  );
}
