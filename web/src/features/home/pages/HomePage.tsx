import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileTextOutlined,
  ProjectOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Card, Col, Collapse, Descriptions, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { useMe } from "../../auth/auth.queries";
import { LatestResults } from "../components/LatestResults";
import { ReportsToDo } from "../components/ReportsToDo";
import { WorkToDo } from "../components/WorkToDo";
import { useHome } from "../home.api";

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const labels = useLabels();
  const home = useHome();
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
      <Typography.Paragraph>
        {t("home.greeting", { name: me.user.displayName })}{" "}
        {home.data ? t("home.today", { date: formatDateVi(home.data.today) }) : null}
      </Typography.Paragraph>
      <QueryErrorAlert error={home.error} onRetry={() => home.refetch()} />
      {home.isLoading ? <Skeleton active /> : null}
      {home.data ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="home-todo">
          {home.data.reports.toWrite ? (
            <Col xs={24} lg={12}>
              <ReportsToDo
                title={t("home.todo.toWrite")}
                list={home.data.reports.toWrite}
                allHref={`/reports?unitId=${me.unit.id}`}
                empty={t("home.todo.noneToWrite")}
                testId="home-to-write"
              />
            </Col>
          ) : null}
          {home.data.reports.toApprove ? (
            <Col xs={24} lg={12}>
              <ReportsToDo
                title={t("home.todo.toApprove")}
                list={home.data.reports.toApprove}
                allHref="/reports?state=pendingApproval"
                empty={t("home.todo.noneToApprove")}
                testId="home-to-approve"
              />
            </Col>
          ) : null}
          {home.data.reports.toReview ? (
            <Col xs={24} lg={12}>
              <ReportsToDo
                title={t("home.todo.toReview")}
                list={home.data.reports.toReview}
                allHref="/reports?state=submitted"
                empty={t("home.todo.noneToReview")}
                testId="home-to-review"
              />
            </Col>
          ) : null}
          {home.data.tasks ? (
            <Col xs={24} lg={12}>
              <WorkToDo
                work={home.data.tasks}
                followUp={home.data.followUp}
                unitId={me.unit.id}
                today={home.data.today}
              />
            </Col>
          ) : null}
          <Col xs={24}>
            <LatestResults indices={home.data.indices} />
          </Col>
        </Row>
      ) : null}
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
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: "account",
            label: t("home.yourAccount"),
            children: (
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
            ),
          },
        ]}
      />
    </>
  );
}
