/**
 * Dialogues of the province's and the communes' leaders with businesses and citizens ("đối thoại"),
 * and who raised each recommendation. Pure.
 */

export const DIALOGUE_KINDS = ["businesses", "citizens", "sector"] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

export const DIALOGUE_KIND_LABELS_VI: Record<DialogueKind, string> = {
  businesses: "Đối thoại với doanh nghiệp",
  citizens: "Đối thoại với Nhân dân",
  sector: "Đối thoại chuyên đề, theo ngành",
};

export const RAISER_KINDS = ["business", "association", "citizen", "other"] as const;
export type RaiserKind = (typeof RAISER_KINDS)[number];

export const RAISER_KIND_LABELS_VI: Record<RaiserKind, string> = {
  business: "Doanh nghiệp",
  association: "Hiệp hội",
  citizen: "Người dân",
  other: "Khác",
};

/** Who raised a recommendation, as shown: anonymised where the raiser asked. */
export function raiserShown(p: { kind: RaiserKind; name: string; anonymous: boolean }) {
  if (p.anonymous) return `${RAISER_KIND_LABELS_VI[p.kind]} (ẩn danh)`;
  return p.name.trim() || `${RAISER_KIND_LABELS_VI[p.kind]} (không nêu tên)`;
}
