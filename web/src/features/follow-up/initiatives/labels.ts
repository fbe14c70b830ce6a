import { useTranslation } from "react-i18next";
import {
  INITIATIVE_STATE_LABELS_VI,
  INITIATIVE_STATES,
  type InitiativeState,
} from "../../../../../core/src/follow-up/initiatives";
import { componentLabel } from "../../../../../core/src/words/indices";

export const INITIATIVE_STATE_COLORS: Record<InitiativeState, string> = {
  proposed: "blue",
  recognised: "green",
  notRecognised: "red",
  replicated: "purple",
};

/** An initiative's state in words: Vietnamese from core (the one source), English from en.json. */
export function useInitiativeLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const state = (s: InitiativeState) =>
    vi ? INITIATIVE_STATE_LABELS_VI[s] : t(`followUp.initiatives.states.${s}`);
  const component = (c: {
    versionCode: string | null;
    componentCode: string | null;
    componentName?: string | null;
  }) =>
    c.versionCode && c.componentCode
      ? componentLabel(
          { versionCode: c.versionCode, componentCode: c.componentCode, name: vi ? c.componentName : null },
          i18n.language,
        )
      : "";
  return { state, component, stateOptions: INITIATIVE_STATES.map((s) => ({ value: s, label: state(s) })) };
}
