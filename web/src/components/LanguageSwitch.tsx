import { GlobalOutlined } from "@ant-design/icons";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../i18n";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t("lang.label")}
      value={i18n.language === "en" ? "en" : "vi"}
      onChange={setLanguage}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 130 }}
      options={[
        { value: "vi", label: "Tiếng Việt" },
        { value: "en", label: "English" },
      ]}
      data-testid="language-switch"
    />
  );
}
