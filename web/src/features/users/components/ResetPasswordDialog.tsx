import { Alert, App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { User } from "../users.api";
import { useResetUserPassword } from "../users.queries";

/** Sets a new password that the user must change at the next sign-in. */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetUserPassword();

  const submit = async () => {
    const { password } = await form.validateFields();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t("users.passwordReset", { username: user.username }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("users.resetTitle", { username: user.username })}
      okText={t("users.resetSubmit")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("users.resetHelp")} style={{ marginBottom: 16 }} />
      {reset.error ? (
        <Alert type="error" showIcon title={reset.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label={t("password.new")}
          rules={[
            { required: true, message: t("password.newRequired") },
            { min: 10, message: t("password.minLength") },
          ]}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
