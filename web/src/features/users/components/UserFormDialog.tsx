import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../components/UnitSelect";
import { useLabels } from "../../../lib/labels";
import type { User, UserCreateInput } from "../users.api";
import { useCreateUser, useUpdateUser } from "../users.queries";

type Props = { user: User | null; onClose: () => void };
type Values = {
  username: string;
  displayName: string;
  email?: string;
  unitId: string | null;
  roles: UserCreateInput["roles"];
  scopeUnitId?: string | null;
  password?: string;
};

/** Creates a user (with an initial password) or edits one; field names are those of the API. */
export function UserFormDialog({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const roles = Form.useWatch("roles", form) ?? [];
  const isCoordinator = roles.includes("coordinator");

  const initial: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        email: user.email ?? undefined,
        unitId: user.unitId,
        roles: user.roles,
        scopeUnitId: user.scopeUnitId,
      }
    : { roles: ["officer"], unitId: null, scopeUnitId: null };

  const submit = async () => {
    const v = await form.validateFields();
    const email = v.email?.trim() ? v.email.trim() : null;
    const scopeUnitId = v.roles.includes("coordinator") ? (v.scopeUnitId ?? null) : null;
    if (user) {
      update.mutate(
        {
          id: user.id,
          input: { displayName: v.displayName.trim(), email, unitId: v.unitId!, roles: v.roles, scopeUnitId },
        },
        {
          onSuccess: () => {
            message.success(t("users.saved"));
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          email,
          unitId: v.unitId!,
          roles: v.roles,
          scopeUnitId,
          password: v.password!,
        },
        {
          onSuccess: (u) => {
            message.success(t("users.created", { username: u.username }));
            onClose();
          },
        },
      );
    }
  };

  return (
    <Modal
      open
      title={user ? t("users.editTitle", { username: user.username }) : t("users.createTitle")}
      okText={user ? t("common.save") : t("users.createSubmit")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ "data-testid": "user-form-submit" } as Record<string, string>}
      width={640}
      destroyOnHidden
    >
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={mutation.error.message}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="username"
          label={t("users.username")}
          extra={user ? undefined : t("users.usernameHint")}
          rules={[
            { required: true, whitespace: true, message: t("users.usernameRequired") },
            { min: 3, message: t("users.usernameTooShort") },
            { max: 64, message: t("users.usernameTooLong") },
            { pattern: /^[a-zA-Z0-9._-]+$/, message: t("users.usernamePattern") },
          ]}
        >
          <Input disabled={!!user} autoFocus={!user} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.displayName")}
          rules={[
            { required: true, whitespace: true, message: t("users.displayNameRequired") },
            { min: 2, message: t("users.displayNameTooShort") },
            { max: 120, message: t("users.displayNameTooLong") },
          ]}
        >
          <Input autoFocus={!!user} data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("users.email")}
          rules={[{ type: "email", message: t("users.emailInvalid") }]}
        >
          <Input type="email" autoComplete="off" data-testid="user-form-email" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("users.unit")}
          rules={[{ required: true, message: t("users.unitRequired") }]}
        >
          <UnitSelect
            data-testid="user-form-unit"
            aria-label={t("users.unit")}
            knownLabels={user ? { [user.unitId]: user.unitName } : undefined}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("users.roles")}
          rules={[{ required: true, type: "array", min: 1, message: t("users.rolesRequired") }]}
        >
          <Select
            mode="multiple"
            options={labels.roleOptions}
            data-testid="user-form-roles"
            aria-label={t("users.roles")}
          />
        </Form.Item>
        {isCoordinator ? (
          <Form.Item name="scopeUnitId" label={t("users.scopeUnit")} extra={t("users.scopeUnitHint")}>
            <UnitSelect data-testid="user-form-scope" aria-label={t("users.scopeUnit")} />
          </Form.Item>
        ) : null}
        {user ? null : (
          <Form.Item
            name="password"
            label={t("users.initialPassword")}
            extra={t("users.initialPasswordHint")}
            rules={[
              { required: true, message: t("password.newRequired") },
              { min: 10, message: t("password.minLength") },
              { max: 256, message: t("password.tooLong") },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
