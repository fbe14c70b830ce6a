import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../i18n";
import { Dropdown } from "./lazy-antd";

const NAMES: Record<Language, { full: string; short: string }> = {
  vi: { full: "Tiếng Việt", short: "VI" },
  en: { full: "English", short: "EN" },
};

/**
 * `compact`: the two-letter names, for a phone's header. A menu rather than a select: the header's
 * dropdown is in the first load already, a select would add its own code to every page.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === "en" ? "en" : "vi";
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: (Object.keys(NAMES) as Language[]).map((lang) => ({ key: lang, label: NAMES[lang].full })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button icon={<GlobalOutlined />} aria-label={t("lang.label")} data-testid="language-switch">
        {compact ? NAMES[current].short : NAMES[current].full}
      </Button>
    </Dropdown>
  );
}
