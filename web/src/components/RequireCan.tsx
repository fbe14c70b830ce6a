import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type MeResponse, useMe } from "../features/auth/auth.queries";
import { Result } from "./lazy-antd";

type Permission = keyof MeResponse["can"];

/** Shows a page only when the server's `can` allows it; the server still refuses on its own. */
export function RequireCan({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  if (!me.can[permission])
    return <Result status="403" title={t("errors.forbiddenTitle")} subTitle={t("errors.forbiddenText")} />;
  return children;
}
