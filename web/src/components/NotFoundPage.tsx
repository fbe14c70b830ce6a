import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Result } from "./lazy-antd";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t("errors.notFoundTitle")}
      subTitle={t("errors.notFoundText")}
      extra={
        <Link to="/">
          <Button type="primary">{t("errors.backHome")}</Button>
        </Link>
      }
    />
  );
}
