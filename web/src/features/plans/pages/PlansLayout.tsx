import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { usePlans } from "../plans.queries";

const TAB_PATHS = [
  "/plans",
  "/plans/my-tasks",
  "/plans/tasks",
  "/plans/timeline",
  "/plans/coverage",
  "/plans/import",
] as const;

/** "Kế hoạch & nhiệm vụ": the list of plans and the task views; a plan's own page has no tabs. */
export function PlansLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // The list's `can.create` says whether this person writes plans (and may import a document).
  const canCreate = usePlans({ pageSize: 1 }).data?.can.create ?? false;
  const path = location.pathname.replace(/\/$/, "");
  const isTab = (TAB_PATHS as readonly string[]).includes(path);
  if (!isTab) return <Outlet />;

  const tabs = [
    { key: "/plans", label: t("plans.tabs.list"), show: true },
    { key: "/plans/my-tasks", label: t("plans.tabs.myTasks"), show: true },
    { key: "/plans/tasks", label: t("plans.tabs.tasks"), show: true },
    { key: "/plans/timeline", label: t("plans.tabs.timeline"), show: true },
    { key: "/plans/coverage", label: t("plans.tabs.coverage"), show: true },
    { key: "/plans/import", label: t("plans.tabs.import"), show: canCreate || path === "/plans/import" },
  ].filter((x) => x.show);

  return (
    <>
      <PageTitle title={t("nav.plans")} />
      <nav aria-label={t("plans.tabs.label")}>
        <Tabs
          activeKey={path}
          onChange={(key) => navigate(key)}
          items={tabs.map((x) => ({ key: x.key, label: x.label }))}
          data-testid="plans-tabs"
        />
      </nav>
      <Outlet />
    </>
  );
}
