import type { DemoEvent } from "./demo.types";
import { BINH_DINH_DISTRICT_SUCCESSORS } from "./gia-lai.communes";
import { CURRENT_DEPARTMENTS } from "./gia-lai.departments";
import { FORMER_DISTRICT_KEYS } from "./gia-lai.history";

const MERGER_DAY = "2025-07-01";
const MARCH_2025 = "2025-03-01";

const provinceMerger: DemoEvent = {
  kind: "merge",
  date: MERGER_DAY,
  decision: "Nghị quyết 202/2025/QH15",
  predecessors: ["glo", "bd"],
  successors: ["gl"],
  note: "Hợp nhất tỉnh Gia Lai và tỉnh Bình Định thành tỉnh Gia Lai; trung tâm chính trị - hành chính đặt tại Quy Nhơn.",
};

function marchDecision(place: string): string {
  // The individual decision numbers of each province were not verified; the legal basis is certain.
  return `Nghị quyết của HĐND và quyết định của UBND ${place} về sắp xếp các cơ quan chuyên môn thuộc UBND tỉnh, theo Nghị định 45/2025/NĐ-CP`;
}

/** Department mergers of 1 March 2025 inside one former province (DOMAIN §5). */
function marchMergers({ prefix, place }: { prefix: "bd" | "glo"; place: string }): DemoEvent[] {
  const decision = marchDecision(place);
  const k = (slug: string) => `${prefix}-${slug}`;
  const events: DemoEvent[] = [
    {
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("skhdt"), k("stc")],
      successors: [k("stc")],
    },
    {
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("sldtbxh"), k("snv")],
      successors: [k("snv")],
      note: "Bảo trợ xã hội, trẻ em chuyển sang Sở Y tế; giáo dục nghề nghiệp chuyển sang Sở Giáo dục và Đào tạo.",
    },
    {
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("sttt"), k("skhcn")],
      successors: [k("skhcn")],
      note: "Báo chí, xuất bản chuyển sang Sở Văn hóa, Thể thao và Du lịch.",
    },
    {
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("stnmt"), k("snnptnt")],
      successors: [k("snnmt")],
    },
    {
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("sgtvt"), k("sxd")],
      successors: [k("sxd")],
    },
    {
      kind: "rename",
      date: MARCH_2025,
      decision,
      predecessors: [k("bdt")],
      successors: [k("sdttg")],
      note: "Thành lập Sở Dân tộc và Tôn giáo trên cơ sở Ban Dân tộc, nhận thêm chức năng tôn giáo từ Sở Nội vụ.",
    },
  ];
  if (prefix === "bd") {
    events.push({
      kind: "merge",
      date: MARCH_2025,
      decision,
      predecessors: [k("svhtt"), k("sdl")],
      successors: [k("svhttdl")],
    });
  }
  return events;
}

/** Each agency of the merged province takes over the two same-named agencies of 30 June 2025. */
const julyDepartmentMergers: DemoEvent[] = CURRENT_DEPARTMENTS.map((d) => ({
  kind: "merge",
  date: MERGER_DAY,
  decision: `Quyết định của UBND tỉnh Gia Lai về thành lập ${d.name} sau hợp nhất tỉnh (theo Nghị quyết 202/2025/QH15)`,
  predecessors: [`glo-${d.slug}`, `bd-${d.slug}`],
  successors: [`gl-${d.slug}`],
}));

// District-level government ended everywhere on 1 July 2025; the communes now answer to the province.
const districtDissolutions: DemoEvent[] = FORMER_DISTRICT_KEYS.map((key) => ({
  kind: "dissolve",
  date: MERGER_DAY,
  decision: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (chính quyền địa phương hai cấp)",
  predecessors: [key],
  successors: [],
}));

// Links each former Bình Định district to the new communes on its territory, so that a 2023 task of
// "UBND thị xã An Nhơn" can be followed to the communes that carry it on today.
const communeReorganisation: DemoEvent[] = Object.entries(BINH_DINH_DISTRICT_SUCCESSORS).map(
  ([districtKey, communeKeys]) => ({
    kind: "split",
    date: MERGER_DAY,
    decision: "Nghị quyết 1664/NQ-UBTVQH15 ngày 16/06/2025",
    predecessors: [districtKey],
    successors: [...communeKeys],
    note: "Các xã, phường, thị trấn cũ trên địa bàn được sắp xếp thành các xã, phường mới này.",
  }),
);

export const GIA_LAI_EVENTS: DemoEvent[] = [
  provinceMerger,
  ...marchMergers({ prefix: "glo", place: "tỉnh Gia Lai" }),
  ...marchMergers({ prefix: "bd", place: "tỉnh Bình Định" }),
  ...julyDepartmentMergers,
  ...districtDissolutions,
  ...communeReorganisation,
];
