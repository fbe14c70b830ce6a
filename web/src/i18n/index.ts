import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import vi from "./vi.json";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "chiso.lang";

function initialLanguage(): Language {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === "en" ? "en" : "vi";
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: "vi",
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
  returnNull: false,
});

// English is loaded when it is chosen: most people read Vietnamese, and the first load stays lighter.
async function load(lang: Language) {
  if (lang === "en" && !i18n.hasResourceBundle("en", "translation")) {
    const en = await import("./en.json");
    i18n.addResourceBundle("en", "translation", en.default);
  }
  await i18n.changeLanguage(lang);
}

/** Settled when the saved language is ready (at once for Vietnamese); the app renders after it. */
export const languageReady: Promise<void> = load(initialLanguage()).catch(() => undefined);

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void load(lang);
}

export { i18n };
