/**
 * A small directory for the agency tests, shaped like the demo province (server/src/features/demo,
 * gia-lai.*.ts): today's departments after the mergers of 1 March 2025, the former departments of
 * Bình Định with their merge events, districts that ended on 1 July 2025 with the communes that took
 * their territory, and the province's groups. Test-only: core may not import the server.
 */
import type { DirectorySnapshot, DirectoryUnit } from "./units";

const unit = (
  id: string,
  name: string,
  kind: string,
  active: boolean,
  shortName: string | null = null,
  aliases: string[] = [],
): DirectoryUnit => ({ id, name, shortName, aliases, kind, depth: kind === "province" ? 0 : 1, active });

const CURRENT: Array<[string, string, string | null, string[]]> = [
  ["vp", "Văn phòng UBND tỉnh", "VP UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"]],
  ["snv", "Sở Nội vụ", "Sở NV", []],
  ["stc", "Sở Tài chính", "Sở TC", []],
  ["stp", "Sở Tư pháp", "Sở TP", []],
  ["sxd", "Sở Xây dựng", "Sở XD", []],
  ["sct", "Sở Công Thương", "Sở CT", []],
  ["snnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", []],
  ["skhcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", []],
  ["sgddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", []],
  ["syt", "Sở Y tế", null, []],
  ["svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL", []],
  ["ttr", "Thanh tra tỉnh", null, []],
  ["bqlkkt", "Ban Quản lý Khu kinh tế tỉnh", "BQL KKT", ["Ban Quản lý Khu kinh tế"]],
];

const FORMER: Array<[string, string, string, string]> = [
  ["skhdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "stc"],
  ["sttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", "skhcn"],
  ["stnmt", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "snnmt"],
  ["snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "snnmt"],
  ["sldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "snv"],
  ["sgtvt", "Sở Giao thông vận tải", "Sở GTVT", "sxd"],
];

const DISTRICTS: Array<[string, string, string[]]> = [
  ["bd-tx-an-nhon", "Thị xã An Nhơn", ["gl-p-an-nhon", "gl-p-an-nhon-bac", "gl-p-an-nhon-nam"]],
  ["bd-h-tuy-phuoc", "Huyện Tuy Phước", ["gl-x-tuy-phuoc"]],
];

export const TEST_DIRECTORY: DirectorySnapshot = {
  units: [
    unit("gl", "Tỉnh Gia Lai", "province", true, "Gia Lai", ["UBND tỉnh Gia Lai", "UBND tỉnh"]),
    unit("bd", "Tỉnh Bình Định", "province", false, "Bình Định", ["UBND tỉnh Bình Định"]),
    ...CURRENT.map(([slug, name, short, aliases]) =>
      unit(`gl-${slug}`, name, "department", true, short, aliases),
    ),
    ...CURRENT.map(([slug, name, short, aliases]) =>
      unit(`bd-${slug}`, name, "department", false, short, aliases),
    ),
    ...FORMER.map(([slug, name, short]) => unit(`bd-${slug}`, name, "department", false, short)),
    unit("gl-ca", "Công an tỉnh Gia Lai", "centralAgency", true, null, ["Công an tỉnh"]),
    unit("gl-mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", "partnerOrg", true, null, [
      "Mặt trận Tổ quốc tỉnh",
      "MTTQ tỉnh",
    ]),
    unit("gl-bhxh", "Bảo hiểm xã hội tỉnh Gia Lai", "centralAgency", true, null, ["Bảo hiểm xã hội tỉnh"]),
    ...DISTRICTS.map(([id, name]) =>
      unit(id, name, "district", false, null, [`UBND ${name[0].toLowerCase()}${name.slice(1)}`]),
    ),
    ...DISTRICTS.flatMap(([, , communes]) => communes).map((id) =>
      unit(id, id.startsWith("gl-p-") ? `Phường ${id.slice(5)}` : `Xã ${id.slice(5)}`, "commune", true),
    ),
  ],
  groups: [
    { id: "g-so-nganh", name: "Các sở, ban, ngành" },
    { id: "g-tw", name: "Cơ quan Trung ương đóng trên địa bàn tỉnh" },
    { id: "g-xa", name: "UBND các xã, phường" },
    { id: "g-all", name: "Các cơ quan, đơn vị, địa phương" },
    { id: "g-dau-moi", name: "Các cơ quan đầu mối theo dõi chỉ số" },
    { id: "g-huyen", name: "UBND các huyện, thị xã, thành phố" },
  ],
  events: [
    ...FORMER.map(([slug, , , to]) => ({
      kind: "merge",
      effectiveDate: "2025-03-01",
      predecessorIds: [`bd-${slug}`, `bd-${to}`],
      successorIds: [`bd-${to}`],
    })),
    ...CURRENT.map(([slug]) => ({
      kind: "merge",
      effectiveDate: "2025-07-01",
      predecessorIds: [`bd-${slug}`],
      successorIds: [`gl-${slug}`],
    })),
    ...DISTRICTS.map(([id, , communes]) => ({
      kind: "split",
      effectiveDate: "2025-07-01",
      predecessorIds: [id],
      successorIds: communes,
    })),
  ],
};
