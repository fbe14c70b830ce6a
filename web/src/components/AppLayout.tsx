import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProjectOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Alert, Button, Flex, Grid, Layout, Menu, type MenuProps, Space } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout, useMe } from "../features/auth/auth.queries";
import { BRAND_RED } from "../theme";
import { ErrorBoundary } from "./ErrorBoundary";
import { LanguageSwitch } from "./LanguageSwitch";
import { Drawer, Dropdown } from "./lazy-antd";

const { Header, Sider, Content, Footer } = Layout;

// Loaded after the first paint: the shell of the first load stays light on a weak connection.
const ChangePasswordDialog = lazy(() =>
  import("../features/auth/components/ChangePasswordDialog").then((m) => ({
    default: m.ChangePasswordDialog,
  })),
);
const OfflineStatus = lazy(() =>
  import("../features/offline/components/OfflineStatus").then((m) => ({ default: m.OfflineStatus })),
);
const NotificationsBell = lazy(() =>
  import("../features/reporting/components/NotificationsBell").then((m) => ({
    default: m.NotificationsBell,
  })),
);

type NavItem = { path: string; key: string; icon: React.ReactNode; show: boolean };

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // On a phone (narrower than 768 px) the menu is a drawer and the header keeps only icons: a
  // commune officer's 390 px screen must not scroll sideways.
  const phone = !Grid.useBreakpoint().md;
  // Signed out a moment ago: the guard above is about to leave this page.
  if (!me) return null;

  const forced = me.user.mustChangePassword;

  // What the menu offers comes from the server's `can`, never from the role names.
  const items: NavItem[] = [
    { path: "/", key: "nav.home", icon: <HomeOutlined />, show: true },
    { path: "/indices", key: "nav.indices", icon: <BarChartOutlined />, show: true },
    { path: "/plans", key: "nav.plans", icon: <ProjectOutlined />, show: true },
    { path: "/reports", key: "nav.reports", icon: <FileTextOutlined />, show: true },
    { path: "/follow-up", key: "nav.followUp", icon: <FileSearchOutlined />, show: true },
    { path: "/directory", key: "nav.directory", icon: <ClusterOutlined />, show: true },
    { path: "/users", key: "nav.users", icon: <TeamOutlined />, show: me.can.manageUsers },
    { path: "/audit", key: "nav.audit", icon: <AuditOutlined />, show: me.can.readAudit },
  ];
  const visible = items.filter((i) => i.show);
  const selected =
    visible
      .filter((i) => (i.path === "/" ? location.pathname === "/" : location.pathname.startsWith(i.path)))
      .map((i) => i.path)[0] ?? "/";

  const menuItems: MenuProps["items"] = visible.map((i) => ({
    key: i.path,
    icon: i.icon,
    label: <Link to={i.path}>{t(i.key)}</Link>,
  }));

  const userMenu: MenuProps["items"] = [
    {
      key: "password",
      icon: <KeyOutlined />,
      label: t("header.changePassword"),
      onClick: () => setPasswordOpen(true),
    },
  ];

  /** The brand and the menu: in the sider on a desktop, in the drawer on a phone. */
  const navigation = (iconsOnly: boolean, onNavigate?: () => void) => (
    <>
      <Link to="/" className="brand" aria-label={t("app.shortName")} onClick={onNavigate}>
        <span className="brand-emblem" style={{ background: BRAND_RED }} aria-hidden>
          ★
        </span>
        {iconsOnly ? null : (
          <span className="brand-text">
            <strong>ChiSo</strong>
            <small>{me.province?.name ?? t("app.shortName")}</small>
          </span>
        )}
      </Link>
      <nav aria-label={t("nav.label")}>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menuItems} onClick={onNavigate} />
      </nav>
    </>
  );

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main-content">
        {t("common.skipToContent")}
      </a>
      {phone ? (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: "#001529" } }}
        >
          {navigation(false, () => setMenuOpen(false))}
        </Drawer>
      ) : (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={240} breakpoint="lg">
          {navigation(collapsed)}
        </Sider>
      )}
      <Layout>
        <Header className={phone ? "app-header app-header-phone" : "app-header"}>
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.label")}
              onClick={() => setMenuOpen(true)}
              data-testid="menu-button"
            />
          ) : (
            <span className="app-header-title">{t("app.productName")}</span>
          )}
          <Flex align="center" gap={phone ? 4 : 12}>
            <Suspense fallback={null}>
              <OfflineStatus />
            </Suspense>
            {forced ? null : (
              <Suspense fallback={null}>
                <NotificationsBell />
              </Suspense>
            )}
            <LanguageSwitch compact={phone} />
            <Dropdown menu={{ items: userMenu }} trigger={["click"]}>
              <Button
                type="text"
                icon={<UserOutlined />}
                data-testid="user-menu"
                className="user-button"
                aria-label={me.user.displayName}
                title={`${me.user.displayName} · ${me.unit.name}`}
              >
                {phone ? null : (
                  <span className="user-lines">
                    <span className="user-name">{me.user.displayName}</span>
                    <span className="user-unit">
                      {me.unit.name}
                      {me.province && me.province.id !== me.unit.id ? ` · ${me.province.name}` : ""}
                    </span>
                  </span>
                )}
              </Button>
            </Dropdown>
            <Button
              icon={<LogoutOutlined />}
              onClick={onLogout}
              loading={logout.isPending}
              data-testid="logout"
              aria-label={t("header.logout")}
            >
              {phone ? null : t("header.logout")}
            </Button>
          </Flex>
        </Header>
        <Content
          id="main-content"
          tabIndex={-1}
          className={phone ? "app-content app-content-phone" : "app-content"}
        >
          {forced ? (
            // The server answers nothing else until the issued password is changed (403
            // auth.passwordChangeRequired): no page is mounted behind the dialog to fail.
            <Alert type="warning" showIcon title={t("password.mustChange")} />
          ) : (
            <ErrorBoundary resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          )}
        </Content>
        <Footer className="app-footer">
          <Space split="·">
            <span>{t("app.footer")}</span>
            <span>{me.province?.name}</span>
          </Space>
        </Footer>
      </Layout>
      {passwordOpen || forced ? (
        <Suspense fallback={null}>
          <ChangePasswordDialog
            open={passwordOpen || forced}
            forced={forced}
            onClose={() => setPasswordOpen(false)}
            onLogout={onLogout}
          />
        </Suspense>
      ) : null}
    </Layout>
  );
}
