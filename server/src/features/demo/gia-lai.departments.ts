/**
 * Provincial specialised agencies (sở, ban, ngành) as names and the abbreviations people write them
 * with. Shared by the current province and the two former ones, so the same agency is spelt the
 * same way in every period.
 */
export interface DepartmentSpec {
  /** Suffix of the unit key: "snv" gives "gl-snv", "bd-snv", "glo-snv". */
  slug: string;
  name: string;
  shortName: string;
  aliases: string[];
}

/** The 15 agencies of the province after the 2025 reorganisation (Nghị định 45/2025/NĐ-CP). */
export const CURRENT_DEPARTMENTS: DepartmentSpec[] = [
  {
    slug: "vp",
    name: "Văn phòng UBND tỉnh",
    shortName: "VP UBND tỉnh",
    aliases: ["VP UBND", "VPUBND", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND"],
  },
  { slug: "snv", name: "Sở Nội vụ", shortName: "Sở NV", aliases: ["SNV"] },
  { slug: "stc", name: "Sở Tài chính", shortName: "Sở TC", aliases: ["STC"] },
  { slug: "stp", name: "Sở Tư pháp", shortName: "Sở TP", aliases: ["STP"] },
  { slug: "sxd", name: "Sở Xây dựng", shortName: "Sở XD", aliases: ["SXD"] },
  { slug: "sct", name: "Sở Công Thương", shortName: "Sở CT", aliases: ["SCT"] },
  {
    slug: "snnmt",
    name: "Sở Nông nghiệp và Môi trường",
    shortName: "Sở NN&MT",
    aliases: ["SNNMT", "Sở NNMT"],
  },
  {
    slug: "skhcn",
    name: "Sở Khoa học và Công nghệ",
    shortName: "Sở KH&CN",
    aliases: ["SKHCN", "Sở KHCN"],
  },
  {
    slug: "sgddt",
    name: "Sở Giáo dục và Đào tạo",
    shortName: "Sở GD&ĐT",
    aliases: ["SGDĐT", "Sở GDĐT"],
  },
  { slug: "syt", name: "Sở Y tế", shortName: "Sở YT", aliases: ["SYT"] },
  {
    slug: "svhttdl",
    name: "Sở Văn hóa, Thể thao và Du lịch",
    shortName: "Sở VHTT&DL",
    aliases: ["SVHTTDL", "Sở VHTTDL", "Sở Văn hóa Thể thao và Du lịch"],
  },
  { slug: "sngv", name: "Sở Ngoại vụ", shortName: "Sở NgV", aliases: ["SNgV"] },
  {
    slug: "sdttg",
    name: "Sở Dân tộc và Tôn giáo",
    shortName: "Sở DT&TG",
    aliases: ["SDTTG", "Sở DTTG"],
  },
  { slug: "ttr", name: "Thanh tra tỉnh", shortName: "TTr tỉnh", aliases: ["Thanh tra", "TTT"] },
  {
    slug: "bqlkkt",
    name: "Ban Quản lý Khu kinh tế tỉnh",
    shortName: "BQL KKT",
    aliases: ["BQLKKT", "Ban Quản lý KKT", "Ban QL KKT", "Ban Quản lý Khu kinh tế"],
  },
];

/** Agencies that ceased on 1 March 2025 when their functions moved to a merged department. */
export const FORMER_DEPARTMENTS: DepartmentSpec[] = [
  {
    slug: "skhdt",
    name: "Sở Kế hoạch và Đầu tư",
    shortName: "Sở KH&ĐT",
    aliases: ["SKHĐT", "Sở KHĐT", "SKH&ĐT"],
  },
  {
    slug: "sttt",
    name: "Sở Thông tin và Truyền thông",
    shortName: "Sở TT&TT",
    aliases: ["STTTT", "Sở TTTT"],
  },
  {
    slug: "stnmt",
    name: "Sở Tài nguyên và Môi trường",
    shortName: "Sở TN&MT",
    aliases: ["STNMT", "Sở TNMT"],
  },
  {
    slug: "snnptnt",
    name: "Sở Nông nghiệp và Phát triển nông thôn",
    shortName: "Sở NN&PTNT",
    aliases: ["SNNPTNT", "Sở NNPTNT"],
  },
  {
    slug: "sldtbxh",
    name: "Sở Lao động - Thương binh và Xã hội",
    shortName: "Sở LĐ-TB&XH",
    aliases: ["SLĐTBXH", "Sở LĐTBXH", "Sở Lao động Thương binh và Xã hội"],
  },
  { slug: "sgtvt", name: "Sở Giao thông vận tải", shortName: "Sở GTVT", aliases: ["SGTVT"] },
  { slug: "bdt", name: "Ban Dân tộc", shortName: "Ban DT", aliases: ["BDT", "Ban Dân tộc tỉnh"] },
];

/** Bình Định alone kept culture and sport apart from tourism until 1 March 2025. */
export const BINH_DINH_ONLY_DEPARTMENTS: DepartmentSpec[] = [
  {
    slug: "svhtt",
    name: "Sở Văn hóa và Thể thao",
    shortName: "Sở VH&TT",
    aliases: ["SVHTT", "Sở VHTT"],
  },
  { slug: "sdl", name: "Sở Du lịch", shortName: "Sở DL", aliases: ["SDL"] },
];

/** Agencies first created on 1 March 2025 in both former provinces. */
export const CREATED_MARCH_2025 = ["snnmt", "sdttg"] as const;

export function departmentSpec(slug: string): DepartmentSpec {
  const all = [...CURRENT_DEPARTMENTS, ...FORMER_DEPARTMENTS, ...BINH_DINH_ONLY_DEPARTMENTS];
  const spec = all.find((d) => d.slug === slug);
  if (!spec) throw new Error(`Unknown department slug ${slug}`);
  return spec;
}
