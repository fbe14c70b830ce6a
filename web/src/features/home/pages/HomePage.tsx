import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileTextOutlined,
  ProjectOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { useLabels } from "../../../lib/labels";
import { useMe } from "../../auth/auth.queries";

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const labels = useLabels();
  // Signed out a moment ago: the guard above is about to leave this page.
  if (!me) return null;

  const links = [
    {
      to: "/directory",
      icon: <ClusterOutlined />,
      key: "nav.directory",
      hint: "home.linkDirectory",
      show: true,
    },
    {
      to: "/users",
      icon: <TeamOutlined />,
      key: "nav.users",
      hint: "home.linkUsers",
      show: me.can.manageUsers,
    },
    {
      to: "/audit",
      icon: <AuditOutlined />,
      key: "nav.audit",
      hint: "home.linkAudit",
      show: me.can.readAudit,
    },
    { to: "/indices", icon: <BarChartOutlined />, key: "nav.indices", hint: "home.linkIndices", show: true },
    { to: "/plans", icon: <ProjectOutlined />, key: "nav.plans", hint: "home.linkPlans", show: true },
    { to: "/reports", icon: <FileTextOutlined />, key: "nav.reports", hint: "home.linkReports", show: true },
  ].filter((l) => l.show);

  return (
    <>
      <PageTitle title={t("home.title")} />
      <Typography.Paragraph>{t("home.greeting", { name: me.user.displayName })}</Typography.Paragraph>
      <Card title={t("home.yourAccount")} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t("home.username")}>{me.user.username}</Descriptions.Item>
          <Descriptions.Item label={t("home.unit")}>
            <Link to={`/directory?unit=${me.unit.id}`}>{me.unit.name}</Link>
            <Typography.Text type="secondary"> ({labels.unitKind(me.unit.kind)})</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("home.province")}>{me.province?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("home.roles")}>
            <Space wrap size={[4, 4]}>
              {me.user.roles.map((r) => (
                <Tag key={r} color="blue">
                  {labels.role(r)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("home.email")}>{me.user.email ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={4}>{t("home.quickLinks")}</Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((l) => (
          <Col key={l.to} xs={24} sm={12} lg={8}>
            <Link to={l.to} className="quick-link">
              <Card hoverable size="small">
                <Space align="start">
                  <span className="quick-link-icon">{l.icon}</span>
                  <span>
                    <Typography.Text strong>{t(l.key)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t(l.hint)}</Typography.Text>
                  </span>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
