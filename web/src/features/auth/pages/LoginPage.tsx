import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LanguageSwitch } from "../../../components/LanguageSwitch";
import { isApiError } from "../../../lib/api-client";
import { BRAND_RED } from "../../../theme";
import type { LoginInput } from "../auth.api";
import { useLogin, useMe } from "../auth.queries";

/** Only same-site paths are followed after sign-in, never an absolute URL from the query string. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const loginMutation = useLogin();
  const next = safeNext(params.get("next"));

  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginInput) => {
    loginMutation.mutate(values, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <div className="login-emblem" style={{ background: BRAND_RED }} aria-hidden>
            ★
          </div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("app.productName")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.productLine")}</Typography.Text>
          <Typography.Text type="secondary" lang="en" style={{ fontSize: 13 }}>
            {t("app.productLineEn")}
          </Typography.Text>
        </div>
        <Typography.Title level={4} style={{ marginTop: 8 }}>
          {t("login.title")}
        </Typography.Title>
        {loginMutation.error ? (
          <Alert
            type={isApiError(loginMutation.error) && loginMutation.error.status === 429 ? "warning" : "error"}
            showIcon
            role="alert"
            title={loginMutation.error.message}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<LoginInput>
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={loginMutation.isPending}
        >
          <Form.Item
            label={t("login.username")}
            name="username"
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoFocus
              autoComplete="username"
              data-testid="login-username"
              size="large"
            />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
              size="large"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={loginMutation.isPending}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t("login.help")}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
