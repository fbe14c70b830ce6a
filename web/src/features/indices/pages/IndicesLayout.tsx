import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { useDefinitions } from "../indices.queries";
import "../indices.css";

/** Sub-views of "Chỉ số"; the selections (province, index, year) travel in the query string. */
export function IndicesLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const defs = useDefinitions();
  const can = defs.data?.can;

  const tabs = [
    { key: "/indices", label: t("indices.tabs.profile"), show: true },
    { key: "/indices/components", label: t("indices.tabs.components"), show: true },
    { key: "/indices/ranking", label: t("indices.tabs.ranking"), show: true },
    { key: "/indices/heatmap", label: t("indices.tabs.heatmap"), show: true },
    { key: "/indices/weights", label: t("indices.tabs.weights"), show: true },
    { key: "/indices/what-if", label: t("indices.tabs.whatIf"), show: true },
    { key: "/indices/targets", label: t("indices.tabs.targets"), show: true },
    { key: "/indices/import", label: t("indices.tabs.import"), show: !!can?.manageResults },
    { key: "/indices/definitions", label: t("indices.tabs.definitions"), show: true },
    // The province's own index (DDCI): designed by its administrators and coordinators.
    { key: "/indices/custom", label: t("indices.tabs.custom"), show: !!can?.editCustom },
  ].filter((x) => x.show);
  const path = location.pathname.replace(/\/$/, "");
  const active = tabs.find((x) => x.key === path)?.key ?? "/indices";

  return (
    <>
      <PageTitle title={t("nav.indices")} />
      <QueryErrorAlert error={defs.error} onRetry={() => defs.refetch()} />
      <nav aria-label={t("indices.tabs.label")}>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate({ pathname: key, search: location.search })}
          items={tabs.map((x) => ({ key: x.key, label: x.label }))}
          data-testid="indices-tabs"
        />
      </nav>
      <Outlet />
    </>
  );
}
