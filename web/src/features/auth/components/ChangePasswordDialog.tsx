import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ChangePasswordInput } from "../auth.api";
import { useChangePassword } from "../auth.queries";

type Props = { open: boolean; forced?: boolean; onClose: () => void; onLogout?: () => void };

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordDialog({ open, forced = false, onClose, onLogout }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useChangePassword();

  const submit = async () => {
    const values = await form.validateFields();
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t("password.changed"));
          form.resetFields();
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("password.changeTitle")}
      okText={t("password.changeSubmit")}
      // When the change is required, the only other way out is to sign out.
      cancelText={forced ? t("header.logout") : t("common.cancel")}
      onOk={submit}
      onCancel={forced ? onLogout : onClose}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {forced ? (
        <Alert type="warning" showIcon title={t("password.mustChange")} style={{ marginBottom: 16 }} />
      ) : null}
      {mutation.error ? (
        <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          rules={[
            { required: true, message: t("password.newRequired") },
            { min: 10, message: t("password.minLength") },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.confirmRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t("password.rule")}</Typography.Text>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
