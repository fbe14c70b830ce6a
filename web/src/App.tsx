import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import viVN from "antd/es/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import { AppLayout } from "./components/AppLayout";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { NotFoundPage } from "./components/NotFoundPage";
import { PageLoading } from "./components/PageLoading";
import { RequireAuth } from "./components/RequireAuth";
import { RequireCan } from "./components/RequireCan";
import { queryClient } from "./lib/query-client";
import { theme } from "./theme";

// Every page loads on demand (the first load is the shell and the one page opened, on a weak
// connection too); the sign-in page and the home page as well.
const LoginPage = lazy(() =>
  import("./features/auth/pages/LoginPage").then((m) => ({ default: m.LoginPage })),
);
const HomePage = lazy(() => import("./features/home/pages/HomePage").then((m) => ({ default: m.HomePage })));
// The larger admin pages load on demand, so the login page stays light.
const DirectoryPage = lazy(() =>
  import("./features/org-units/pages/DirectoryPage").then((m) => ({ default: m.DirectoryPage })),
);
const UsersPage = lazy(() =>
  import("./features/users/pages/UsersPage").then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import("./features/audit/pages/AuditPage").then((m) => ({ default: m.AuditPage })),
);

// The indices views (and ECharts with them) load only when "Chỉ số" is opened.
const indicesPage = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const IndicesLayout = indicesPage(() => import("./features/indices/pages/IndicesLayout"), "IndicesLayout");
const ProfilePage = indicesPage(() => import("./features/indices/pages/ProfilePage"), "ProfilePage");
const ComponentsPage = indicesPage(() => import("./features/indices/pages/ComponentsPage"), "ComponentsPage");
const HeatmapPage = indicesPage(() => import("./features/indices/pages/HeatmapPage"), "HeatmapPage");
const WeightsPage = indicesPage(() => import("./features/indices/pages/WeightsPage"), "WeightsPage");
const WhatIfPage = indicesPage(() => import("./features/indices/pages/WhatIfPage"), "WhatIfPage");
const RankingPage = indicesPage(() => import("./features/indices/pages/RankingPage"), "RankingPage");
const ImportPage = indicesPage(() => import("./features/indices/pages/ImportPage"), "ImportPage");
const TargetsPage = indicesPage(() => import("./features/indices/pages/TargetsPage"), "TargetsPage");
const CustomIndicesPage = indicesPage(
  () => import("./features/indices/pages/CustomIndicesPage"),
  "CustomIndicesPage",
);
const DefinitionsPage = indicesPage(
  () => import("./features/indices/pages/DefinitionsPage"),
  "DefinitionsPage",
);

// Plans and tasks (with their import) load when "Kế hoạch & nhiệm vụ" is opened.
const PlansLayout = indicesPage(() => import("./features/plans/pages/PlansLayout"), "PlansLayout");
const PlansListPage = indicesPage(() => import("./features/plans/pages/PlansListPage"), "PlansListPage");
const PlanDetailPage = indicesPage(() => import("./features/plans/pages/PlanDetailPage"), "PlanDetailPage");
const MyTasksPage = indicesPage(() => import("./features/plans/pages/MyTasksPage"), "MyTasksPage");
const TaskListPage = indicesPage(() => import("./features/plans/pages/TaskListPage"), "TaskListPage");
const TimelinePage = indicesPage(() => import("./features/plans/pages/TimelinePage"), "TimelinePage");
const CoveragePage = indicesPage(() => import("./features/plans/pages/CoveragePage"), "CoveragePage");
// Reporting (the unit's reports, the coordinator's dashboard, scorecards) loads when "Báo cáo" is opened.
const ReportsListPage = indicesPage(
  () => import("./features/reporting/pages/ReportsListPage"),
  "ReportsListPage",
);
const ReportFormPage = indicesPage(
  () => import("./features/reporting/pages/ReportFormPage"),
  "ReportFormPage",
);
const ReportingDashboardPage = indicesPage(
  () => import("./features/reporting/pages/DashboardPage"),
  "DashboardPage",
);
const ScorecardsPage = indicesPage(
  () => import("./features/reporting/pages/ScorecardsPage"),
  "ScorecardsPage",
);
const PlanImportPage = indicesPage(
  () => import("./features/plan-import/pages/PlanImportPage"),
  "PlanImportPage",
);

// "Theo dõi, kiểm tra" (inspections, dialogues, initiatives and what they raise) loads when opened.
const FollowUpLayout = indicesPage(() => import("./features/follow-up/FollowUpLayout"), "FollowUpLayout");
const FollowUpItemsPage = indicesPage(
  () => import("./features/follow-up/items/pages/ItemsPage"),
  "ItemsPage",
);
const InspectionsPage = indicesPage(
  () => import("./features/follow-up/inspections/pages/InspectionsPage"),
  "InspectionsPage",
);
const InspectionPlanPage = indicesPage(
  () => import("./features/follow-up/inspections/pages/InspectionPlanPage"),
  "InspectionPlanPage",
);
const InspectionPage = indicesPage(
  () => import("./features/follow-up/inspections/pages/InspectionPage"),
  "InspectionPage",
);
const DialoguesPage = indicesPage(
  () => import("./features/follow-up/dialogues/pages/DialoguesPage"),
  "DialoguesPage",
);
const DialoguePage = indicesPage(
  () => import("./features/follow-up/dialogues/pages/DialoguePage"),
  "DialoguePage",
);
const InitiativesPage = indicesPage(
  () => import("./features/follow-up/initiatives/pages/InitiativesPage"),
  "InitiativesPage",
);

const lazyPage = (node: React.ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

const router = createBrowserRouter([
  { path: "/login", element: lazyPage(<LoginPage />) },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: lazyPage(<HomePage />) },
          {
            path: "indices",
            element: lazyPage(<IndicesLayout />),
            children: [
              { index: true, element: lazyPage(<ProfilePage />) },
              { path: "components", element: lazyPage(<ComponentsPage />) },
              { path: "ranking", element: lazyPage(<RankingPage />) },
              { path: "heatmap", element: lazyPage(<HeatmapPage />) },
              { path: "weights", element: lazyPage(<WeightsPage />) },
              { path: "what-if", element: lazyPage(<WhatIfPage />) },
              { path: "import", element: lazyPage(<ImportPage />) },
              { path: "targets", element: lazyPage(<TargetsPage />) },
              { path: "definitions", element: lazyPage(<DefinitionsPage />) },
              { path: "custom", element: lazyPage(<CustomIndicesPage />) },
            ],
          },
          {
            path: "plans",
            element: lazyPage(<PlansLayout />),
            children: [
              { index: true, element: lazyPage(<PlansListPage />) },
              { path: "my-tasks", element: lazyPage(<MyTasksPage />) },
              { path: "tasks", element: lazyPage(<TaskListPage />) },
              { path: "timeline", element: lazyPage(<TimelinePage />) },
              { path: "coverage", element: lazyPage(<CoveragePage />) },
              { path: "import", element: lazyPage(<PlanImportPage />) },
              { path: ":id", element: lazyPage(<PlanDetailPage />) },
            ],
          },
          {
            path: "reports",
            children: [
              { index: true, element: lazyPage(<ReportsListPage />) },
              { path: "dashboard", element: lazyPage(<ReportingDashboardPage />) },
              { path: "scorecards", element: lazyPage(<ScorecardsPage />) },
              { path: ":id", element: lazyPage(<ReportFormPage />) },
            ],
          },
          {
            path: "follow-up",
            element: lazyPage(<FollowUpLayout />),
            children: [
              { index: true, element: lazyPage(<FollowUpItemsPage />) },
              { path: "inspections", element: lazyPage(<InspectionsPage />) },
              { path: "inspections/plans/:id", element: lazyPage(<InspectionPlanPage />) },
              { path: "inspections/:id", element: lazyPage(<InspectionPage />) },
              { path: "dialogues", element: lazyPage(<DialoguesPage />) },
              { path: "dialogues/:id", element: lazyPage(<DialoguePage />) },
              { path: "initiatives", element: lazyPage(<InitiativesPage />) },
            ],
          },
          { path: "directory", element: lazyPage(<DirectoryPage />) },
          {
            path: "users",
            element: <RequireCan permission="manageUsers">{lazyPage(<UsersPage />)}</RequireCan>,
          },
          {
            path: "audit",
            element: <RequireCan permission="readAudit">{lazyPage(<AuditPage />)}</RequireCan>,
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  useEffect(() => {
    dayjs.locale(en ? "en" : "vi");
    document.documentElement.lang = en ? "en" : "vi";
  }, [en]);

  return (
    <ConfigProvider locale={en ? enUS : viVN} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
