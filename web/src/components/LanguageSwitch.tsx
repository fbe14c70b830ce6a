import { GlobalOutlined } from "@ant-design/icons";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../i18n";

/** `compact`: the two-letter names, for a phone's header. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t("lang.label")}
      value={i18n.language === "en" ? "en" : "vi"}
      onChange={setLanguage}
      suffixIcon={<GlobalOutlined />}
      style={{ width: compact ? 72 : 130 }}
      options={[
        { value: "vi", label: compact ? "VI" : "Tiếng Việt" },
        { value: "en", label: compact ? "EN" : "English" },
      ]}
      data-testid="language-switch"
    />
  );
}
