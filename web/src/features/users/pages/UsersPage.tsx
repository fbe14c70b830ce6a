import {
  EditOutlined,
  KeyOutlined,
  MoreOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportXlsxButton } from "../../../components/ExportXlsxButton";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { UnitSelect } from "../../../components/UnitSelect";
import { formatDateTimeVi, formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { ResetPasswordDialog } from "../components/ResetPasswordDialog";
import { UserFormDialog } from "../components/UserFormDialog";
import { UserImportDialog } from "../components/UserImportDialog";
import type { User, UserListQuery } from "../users.api";
import { useUpdateUser, useUsers } from "../users.queries";

type SortKey = NonNullable<UserListQuery["sort"]>;
const SORTABLE: SortKey[] = ["username", "displayName", "unitName", "createdAt", "lastLoginAt"];

export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useLabels();
  const [query, setQuery] = useState<UserListQuery>({
    page: 1,
    pageSize: 20,
    sort: "displayName",
    order: "asc",
  });
  const [text, setText] = useState("");
  const users = useUsers(query);
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);

  const filter = (patch: Partial<UserListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const setActive = (user: User, active: boolean) =>
    modal.confirm({
      title: active
        ? t("users.reactivateConfirm", { name: user.displayName })
        : t("users.deactivateConfirm", { name: user.displayName }),
      content: active ? undefined : t("users.deactivateHelp"),
      okText: active ? t("users.reactivate") : t("users.deactivate"),
      okButtonProps: { danger: !active },
      cancelText: t("common.cancel"),
      onOk: () =>
        update.mutateAsync({ id: user.id, input: { active } }).then(
          () => message.success(active ? t("users.reactivated") : t("users.deactivated")),
          (e: Error) => {
            message.error(e.message);
          },
        ),
    });

  const sortOrder = (key: SortKey) =>
    query.sort === key ? (query.order === "desc" ? ("descend" as const) : ("ascend" as const)) : null;

  const columns: TableColumnsType<User> = [
    {
      title: t("users.username"),
      dataIndex: "username",
      key: "username",
      sorter: true,
      sortOrder: sortOrder("username"),
      width: 150,
    },
    {
      title: t("users.displayName"),
      dataIndex: "displayName",
      key: "displayName",
      sorter: true,
      sortOrder: sortOrder("displayName"),
    },
    {
      title: t("users.unit"),
      dataIndex: "unitName",
      key: "unitName",
      sorter: true,
      sortOrder: sortOrder("unitName"),
    },
    {
      title: t("users.roles"),
      dataIndex: "roles",
      key: "roles",
      render: (roles: User["roles"]) => (
        <Space wrap size={[4, 4]}>
          {roles.map((r) => (
            <Tag key={r} color={r === "admin" ? "red" : "blue"}>
              {labels.role(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("users.status"),
      key: "status",
      width: 130,
      render: (_, u) => (
        <Space wrap size={[4, 4]}>
          {u.active ? <Tag color="green">{t("users.active")}</Tag> : <Tag>{t("users.inactive")}</Tag>}
          {u.locked ? <Tag color="orange">{t("users.locked")}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t("users.lastLoginAt"),
      dataIndex: "lastLoginAt",
      key: "lastLoginAt",
      sorter: true,
      sortOrder: sortOrder("lastLoginAt"),
      width: 150,
      render: (v: string | null) => (v ? formatDateTimeVi(v) : t("users.never")),
    },
    {
      title: t("users.createdAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      sorter: true,
      sortOrder: sortOrder("createdAt"),
      width: 120,
      render: (v: string) => formatDateVi(v),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 130,
      render: (_, u) => (
        <Space>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(u)}
            aria-label={t("common.edit")}
          />
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                {
                  key: "reset",
                  icon: <KeyOutlined />,
                  label: t("users.resetPassword"),
                  onClick: () => setResetting(u),
                },
                u.active
                  ? {
                      key: "off",
                      icon: <StopOutlined />,
                      danger: true,
                      label: t("users.deactivate"),
                      onClick: () => setActive(u, false),
                    }
                  : {
                      key: "on",
                      icon: <UndoOutlined />,
                      label: t("users.reactivate"),
                      onClick: () => setActive(u, true),
                    },
              ],
            }}
          >
            <Button size="small" icon={<MoreOutlined />} aria-label={t("common.more")} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  const onChange: TableProps<User>["onChange"] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as SortKey) : undefined;
    setQuery((q) => ({
      ...q,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? q.pageSize,
      sort: key && SORTABLE.includes(key) ? key : "displayName",
      order: s?.order === "descend" ? "desc" : "asc",
    }));
  };

  return (
    <>
      <PageTitle
        title={t("users.title")}
        extra={
          <Space wrap>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="users-import-open"
            >
              {t("users.import.open")}
            </Button>
            <ExportXlsxButton
              path="/api/users.xlsx"
              query={{ ...query, page: undefined, pageSize: undefined }}
              testId="users-export-xlsx"
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing("new")}
              data-testid="user-create"
            >
              {t("users.create")}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <Input.Search
            allowClear
            placeholder={t("users.searchPlaceholder")}
            aria-label={t("users.searchPlaceholder")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => filter({ q: v.trim() || undefined })}
            style={{ width: 280 }}
            data-testid="user-search"
          />
          <UnitSelect
            placeholder={t("users.filterUnit")}
            aria-label={t("users.filterUnit")}
            value={query.unitId ?? null}
            onChange={(v) => filter({ unitId: v ?? undefined })}
            style={{ width: 300 }}
          />
          <Select
            allowClear
            placeholder={t("users.filterRole")}
            aria-label={t("users.filterRole")}
            value={query.role}
            onChange={(v) => filter({ role: v })}
            options={labels.roleOptions}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t("users.filterActive")}
            aria-label={t("users.filterActive")}
            value={query.active}
            onChange={(v) => filter({ active: v })}
            options={[
              { value: "true", label: t("users.active") },
              { value: "false", label: t("users.inactive") },
            ]}
            style={{ width: 180 }}
          />
        </Flex>
      </Card>
      <QueryErrorAlert error={users.error} onRetry={() => users.refetch()} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.users ?? []}
        loading={users.isFetching}
        onChange={onChange}
        scroll={{ x: 1100 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t("common.total", { count: total }),
        }}
        locale={{ emptyText: <Empty description={t("users.empty")} /> }}
        data-testid="users-table"
      />
      {editing ? (
        <UserFormDialog user={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} /> : null}
      {importing ? <UserImportDialog onClose={() => setImporting(false)} /> : null}
    </>
  );
}
