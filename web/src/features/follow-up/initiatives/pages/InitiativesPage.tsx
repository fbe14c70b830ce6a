import { Segmented, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useUrlParams } from "../../../plans/useUrlParams";
import { CoverageView } from "../components/CoverageView";
import { InitiativeDrawer } from "../components/InitiativeDrawer";
import { RegisterView } from "../components/RegisterView";
import { INITIATIVE_KEYS } from "../initiatives.params";

/**
 * "Sáng kiến" of "Theo dõi, kiểm tra": the register of administrative-reform initiatives (each unit
 * registers its own, the province's coordinators decide) and the units' yearly count against the
 * minimum. The selections live in the address; `?initiative=<id>` opens one.
 */
export function InitiativesPage() {
  const { t } = useTranslation();
  const url = useUrlParams(INITIATIVE_KEYS);
  const { params, set } = url;
  const view = params.view === "coverage" ? "coverage" : "register";
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("followUp.initiatives.intro")}
      </Typography.Paragraph>
      <Segmented
        value={view}
        onChange={(v) => set({ view: v === "coverage" ? "coverage" : null, page: null })}
        options={[
          { value: "register", label: t("followUp.initiatives.views.register") },
          { value: "coverage", label: t("followUp.initiatives.views.coverage") },
        ]}
        aria-label={t("followUp.initiatives.views.label")}
        style={{ marginBottom: 12 }}
        data-testid="initiatives-view"
      />
      {view === "coverage" ? <CoverageView url={url} /> : <RegisterView url={url} />}
      {params.initiative ? (
        <InitiativeDrawer id={params.initiative} onClose={() => set({ initiative: null }, false)} />
      ) : null}
    </>
  );
}
