import { ToolOutlined } from "@ant-design/icons";
import { Card, Result } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "./PageTitle";

/** An honest placeholder for a feature not built yet: no sample figures that could be mistaken for data. */
export function UnderConstruction({
  titleKey,
  descriptionKey,
}: {
  titleKey: string;
  descriptionKey: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t(titleKey)} />
      <Card>
        <Result icon={<ToolOutlined />} title={t("common.underConstruction")} subTitle={t(descriptionKey)} />
      </Card>
    </>
  );
}
