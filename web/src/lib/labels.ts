import { useTranslation } from "react-i18next";
import {
  ROLE_LABELS_VI,
  ROLES,
  type Role,
  UNIT_KIND_LABELS_VI,
  UNIT_KINDS,
  type UnitEventKind,
  type UnitKind,
} from "../../../core/src/auth/roles";

export { ROLES, UNIT_KINDS };

/** Role and unit-kind labels: Vietnamese from core (the one source), English from the translation file. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const role = (r: string) => (vi && r in ROLE_LABELS_VI ? ROLE_LABELS_VI[r as Role] : t(`roles.${r}`));
  const unitKind = (k: string) =>
    vi && k in UNIT_KIND_LABELS_VI ? UNIT_KIND_LABELS_VI[k as UnitKind] : t(`unitKinds.${k}`);
  const eventKind = (k: UnitEventKind | string) => t(`eventKinds.${k}`);
  return {
    role,
    unitKind,
    eventKind,
    roleOptions: ROLES.map((r) => ({ value: r, label: role(r) })),
    unitKindOptions: UNIT_KINDS.map((k) => ({ value: k, label: unitKind(k) })),
  };
}
