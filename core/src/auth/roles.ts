/** Roles a user can hold; a user has one or more. */
export const ROLES = ["admin", "coordinator", "officer", "head", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_VI: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  coordinator: "Điều phối, theo dõi",
  officer: "Cán bộ thực hiện",
  head: "Lãnh đạo đơn vị",
  viewer: "Lãnh đạo xem báo cáo",
};

export const UNIT_KINDS = [
  "province",
  "department",
  "centralAgency",
  "district",
  "commune",
  "internalUnit",
  "partnerOrg",
  "other",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS_VI: Record<UnitKind, string> = {
  province: "Tỉnh, thành phố",
  department: "Sở, ban, ngành",
  centralAgency: "Cơ quan Trung ương trên địa bàn",
  district: "UBND cấp huyện (trước 01/07/2025)",
  commune: "UBND cấp xã",
  internalUnit: "Đơn vị thuộc sở",
  partnerOrg: "Mặt trận, đoàn thể",
  other: "Khác",
};

export const UNIT_EVENT_KINDS = ["merge", "split", "rename", "dissolve"] as const;
export type UnitEventKind = (typeof UNIT_EVENT_KINDS)[number];
