import type { ThemeConfig } from "antd";

/** Deep red of the national emblem for accents, a sober deep blue as primary: the look of e-government portals. */
export const BRAND_RED = "#b71c1c";
export const BRAND_BLUE = "#0b4f9c";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorError: "#c62828",
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#0a2f5c", bodyBg: "#f3f5f8", headerPadding: "0 20px" },
    Menu: {
      darkItemBg: "#0a2f5c",
      darkSubMenuItemBg: "#08264b",
      darkItemSelectedBg: BRAND_RED,
    },
    Table: { headerBg: "#eef2f7" },
  },
};
