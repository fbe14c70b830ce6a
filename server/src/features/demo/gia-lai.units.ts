import type { DemoGroup, DemoProvince, DemoUnit, DemoUser } from "./demo.types";
import { GIA_LAI_COMMUNES } from "./gia-lai.communes";
import { GIA_LAI_CURRENT_UNITS } from "./gia-lai.current";
import { GIA_LAI_EVENTS } from "./gia-lai.events";
import { GIA_LAI_HISTORICAL_UNITS } from "./gia-lai.history";

/**
 * Demo organisation of Gia Lai after the 1 July 2025 reform (Bình Định merged in, centre at Quy Nhơn),
 * with the two former provinces kept as separate roots so that 2022-2024 plans stay readable.
 */
export const GIA_LAI_UNITS: DemoUnit[] = [
  ...GIA_LAI_CURRENT_UNITS,
  ...GIA_LAI_COMMUNES,
  ...GIA_LAI_HISTORICAL_UNITS,
];

export const GIA_LAI_GROUPS: DemoGroup[] = [
  { key: "so-nganh", name: "Các sở, ban, ngành", rule: { kinds: ["department"], parentKey: "gl" } },
  {
    key: "co-quan-tw",
    name: "Cơ quan Trung ương đóng trên địa bàn tỉnh",
    rule: { kinds: ["centralAgency"], parentKey: "gl" },
  },
  { key: "ubnd-xa-phuong", name: "UBND các xã, phường", rule: { kinds: ["commune"], parentKey: "gl" } },
  {
    key: "co-quan-dia-phuong",
    name: "Các cơ quan, đơn vị, địa phương",
    rule: { kinds: ["department", "centralAgency", "commune"], parentKey: "gl" },
  },
  // A fixed list rather than a rule: the agencies that monitor the indices (DOMAIN §1).
  {
    key: "dau-moi-chi-so",
    name: "Các cơ quan đầu mối theo dõi chỉ số",
    members: ["gl-snv", "gl-stc", "gl-vp"],
  },
  {
    key: "bd-ubnd-huyen",
    name: "UBND các huyện, thị xã, thành phố",
    rule: { kinds: ["district"], parentKey: "bd" },
  },
];

export const GIA_LAI: DemoProvince = {
  units: GIA_LAI_UNITS,
  events: GIA_LAI_EVENTS,
  groups: GIA_LAI_GROUPS,
};

/** The commune where the officer and the head of the demo work. */
export const DEMO_COMMUNE_KEY = "gl-p-quy-nhon-nam";

/** One user per role; passwords are set by the seeding code. */
export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "Nguyễn Minh Quân", unitKey: "gl", roles: ["admin"] },
  { username: "dieuphoi", displayName: "Trần Thị Thu Hà", unitKey: "gl-snv", roles: ["coordinator"] },
  { username: "canbo", displayName: "Lê Văn Phúc", unitKey: DEMO_COMMUNE_KEY, roles: ["officer"] },
  { username: "lanhdao", displayName: "Phạm Thị Mỹ Linh", unitKey: DEMO_COMMUNE_KEY, roles: ["head"] },
  { username: "xem", displayName: "Võ Đức Thắng", unitKey: "gl-vp", roles: ["viewer"] },
];
