import "./i18n";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageTitle } from "../../components/PageTitle";

const TABS = [
  ["/follow-up", "items"],
  ["/follow-up/inspections", "inspections"],
  ["/follow-up/dialogues", "dialogues"],
  ["/follow-up/initiatives", "initiatives"],
] as const;

/**
 * "Theo dõi, kiểm tra": what is followed until closed besides plan tasks (the remediation of
 * inspections' findings, dialogues' recommendations) and the registers beside it (inspections,
 * dialogues, reform initiatives). A record's own page (an inspection, a dialogue) has no tabs.
 */
export function FollowUpLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const path = location.pathname.replace(/\/$/, "");
  if (!TABS.some(([p]) => p === path)) return <Outlet />;
  return (
    <>
      <PageTitle title={t("nav.followUp")} />
      <nav aria-label={t("followUp.tabs.label")}>
        <Tabs
          activeKey={path}
          onChange={(key) => navigate(key)}
          items={TABS.map(([key, name]) => ({ key, label: t(`followUp.tabs.${name}`) }))}
          data-testid="follow-up-tabs"
        />
      </nav>
      <Outlet />
    </>
  );
}
