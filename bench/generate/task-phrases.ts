/**
 * Phrases of real provincial plans (seed 003 Appendix 2, DOMAIN.md §6): a task's content is an action,
 * an object of the section's index and a qualifier; the expected output and the reporting note come
 * from their own lists. Combinations give thousands of distinct, plausible rows.
 */

/** The sections of a plan, one per index, with the components its tasks aim at. */
export const TASK_SECTIONS: ReadonlyArray<{
  title: string;
  indexCode: string | null;
  objects: readonly string[];
}> = [
  {
    title: "NHÓM NHIỆM VỤ CHUNG",
    indexCode: null,
    objects: [
      "kế hoạch thực hiện cải thiện, nâng cao các chỉ số về cải cách hành chính",
      "công tác thông tin, tuyên truyền về cải cách hành chính và chuyển đổi số",
      "kỷ luật, kỷ cương hành chính trong đội ngũ cán bộ, công chức, viên chức",
      "công tác kiểm tra công vụ, thanh tra trách nhiệm người đứng đầu",
      "việc đánh giá, xếp loại chất lượng cán bộ, công chức theo kết quả thực hiện nhiệm vụ",
      "công tác phối hợp giữa các cơ quan, đơn vị trong thực hiện nhiệm vụ được giao",
    ],
  },
  {
    title: "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)",
    indexCode: "PCI",
    objects: [
      "thủ tục đăng ký thành lập, thay đổi, bổ sung đăng ký kinh doanh",
      "thủ tục hành chính liên quan đến giao đất, cho thuê đất, chuyển mục đích sử dụng đất",
      "thông tin về quy hoạch, kế hoạch sử dụng đất và danh mục dự án thu hút đầu tư",
      "chi phí không chính thức và tình trạng nhũng nhiễu doanh nghiệp",
      "hoạt động đối thoại, tháo gỡ khó khăn, vướng mắc cho doanh nghiệp",
      "dịch vụ hỗ trợ doanh nghiệp, xúc tiến thương mại và kết nối thị trường",
      "chất lượng đào tạo nghề, cung ứng lao động cho doanh nghiệp",
      "thiết chế pháp lý, giải quyết tranh chấp và bảo đảm an ninh trật tự cho doanh nghiệp",
      "thời gian thanh tra, kiểm tra chuyên ngành đối với doanh nghiệp",
    ],
  },
  {
    title: "CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI)",
    indexCode: "PAPI",
    objects: [
      "việc thực hiện dân chủ ở cơ sở và sự tham gia của người dân",
      "công khai, minh bạch danh sách hộ nghèo, thu chi ngân sách xã, phường",
      "trách nhiệm giải trình với người dân của chính quyền cơ sở",
      "công tác phòng, chống tham nhũng trong khu vực công",
      "thủ tục hành chính công về chứng thực, cấp phép xây dựng, giấy chứng nhận quyền sử dụng đất",
      "chất lượng dịch vụ y tế, giáo dục công lập và cung ứng nước sạch",
      "công tác bảo vệ môi trường, thu gom và xử lý rác thải",
      "việc cung ứng dịch vụ công trực tuyến và quản trị điện tử",
    ],
  },
  {
    title: "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)",
    indexCode: "PAR_INDEX",
    objects: [
      "công tác chỉ đạo, điều hành cải cách hành chính",
      "công tác xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
      "việc rà soát, đơn giản hóa thủ tục hành chính",
      "tổ chức bộ máy, tinh giản biên chế và cơ cấu lại đội ngũ viên chức",
      "chất lượng đội ngũ cán bộ, công chức, viên chức",
      "cơ chế tài chính đối với đơn vị sự nghiệp công lập",
      "việc xây dựng chính quyền số, nền tảng dữ liệu dùng chung",
      "hoạt động của Trung tâm Phục vụ hành chính công và bộ phận một cửa",
    ],
  },
  {
    title: "CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS)",
    indexCode: "SIPAS",
    objects: [
      "việc tiếp cận dịch vụ hành chính công của người dân",
      "thái độ, tinh thần phục vụ của công chức tiếp nhận hồ sơ",
      "việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân, tổ chức",
      "kết quả giải quyết thủ tục hành chính đúng và trước hạn",
    ],
  },
  {
    title: "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTG)",
    indexCode: "INDEX_766",
    objects: [
      "công khai, minh bạch thủ tục hành chính trên Cổng dịch vụ công",
      "tiến độ giải quyết hồ sơ thủ tục hành chính",
      "dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến",
      "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
      "mức độ hài lòng của người dân, doanh nghiệp",
    ],
  },
  {
    title: "CHỈ SỐ XANH CẤP TỈNH (PGI)",
    indexCode: "PGI",
    objects: [
      "công tác bảo vệ môi trường tại các khu, cụm công nghiệp",
      "chính sách hỗ trợ doanh nghiệp sản xuất xanh, tiết kiệm năng lượng",
      "việc thanh tra, kiểm tra tuân thủ quy định về môi trường",
    ],
  },
];

export const TASK_ACTIONS: readonly string[] = [
  "Tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch nâng cao",
  "Rà soát, cải tiến",
  "Tăng cường kiểm tra, giám sát",
  "Đẩy mạnh",
  "Tổ chức triển khai thực hiện có hiệu quả",
  "Nâng cao chất lượng",
  "Chấn chỉnh, khắc phục hạn chế trong",
  "Tiếp tục thực hiện nghiêm",
  "Xây dựng phương án cải thiện",
  "Phổ biến, quán triệt và thực hiện",
  "Theo dõi, đánh giá định kỳ",
  "Công khai kịp thời",
];

export const TASK_QUALIFIERS: readonly string[] = [
  "trên địa bàn tỉnh",
  "tại các cơ quan, đơn vị, địa phương",
  "theo hướng số hóa, giảm thời gian và chi phí tuân thủ",
  "bảo đảm thực chất, hiệu quả",
  "gắn với trách nhiệm người đứng đầu",
  "đáp ứng yêu cầu của người dân, doanh nghiệp",
  "theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh",
  "",
];

export const TASK_OUTPUTS: readonly string[] = [
  "Kế hoạch của đơn vị; các hội nghị phổ biến, quán triệt.",
  "Báo cáo kết quả thực hiện gửi Sở Nội vụ tổng hợp.",
  "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.",
  "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt trên 80%.",
  "Văn bản chỉ đạo; kết luận kiểm tra.",
  "Tin, bài trên Cổng thông tin điện tử tỉnh; họp báo định kỳ hằng quý.",
  "Tổ chức từ 02 hội nghị đối thoại trở lên trong năm.",
  "Danh mục thủ tục hành chính được cắt giảm, đơn giản hóa.",
  "Cơ sở dữ liệu được cập nhật, kết nối, chia sẻ.",
  "",
];

export const REPORTING_NOTES: readonly string[] = [
  "Báo cáo kết quả hằng quý",
  "Báo cáo 6 tháng, năm",
  "Lồng ghép trong báo cáo cải cách hành chính định kỳ",
  "",
  "",
  "",
];

export const QUANTITATIVE_TARGETS: ReadonlyArray<{
  measure: string;
  comparator: "≥" | "≤" | "=";
  value: number;
  unit: string;
}> = [
  { measure: "Tỷ lệ hồ sơ trực tuyến", comparator: "≥", value: 40, unit: "%" },
  { measure: "Tỷ lệ hồ sơ giải quyết đúng hạn", comparator: "=", value: 100, unit: "%" },
  { measure: "Số hội nghị đối thoại", comparator: "≥", value: 2, unit: "hội nghị" },
  { measure: "Tỷ lệ hài lòng của người dân", comparator: "≥", value: 90, unit: "%" },
  { measure: "Thời gian giải quyết thủ tục", comparator: "≤", value: 5, unit: "ngày" },
];

export const TASK_TAGS: readonly string[] = ["CCHC", "Chuyển đổi số", "Một cửa", "Doanh nghiệp"];

/** Text filters as officials type them: words without diacritics (each must appear). */
export const TEXT_QUERIES: readonly string[] = [
  "dich vu cong",
  "doanh nghiep",
  "dat dai",
  "tham nhung",
  "thu tuc hanh chinh",
  "tuyen truyen",
  "moi truong",
  "kiem tra cong vu",
];

/** Plan titles by owner: the province's plans, then a department's own. */
export const PROVINCE_PLAN_TITLES: readonly string[] = [
  "Kế hoạch cải thiện, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
  "Kế hoạch nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
  "Kế hoạch cải cách hành chính",
  "Chương trình hành động cải thiện môi trường đầu tư kinh doanh",
  "Kế hoạch nâng cao Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
  "Kế hoạch thực hiện Bộ chỉ số phục vụ người dân, doanh nghiệp",
  "Kế hoạch chuyển đổi số và xây dựng chính quyền số",
];
export const DEPARTMENT_PLAN_TITLES: readonly string[] = [
  "Kế hoạch triển khai thực hiện nhiệm vụ cải cách hành chính của",
  "Kế hoạch thực hiện các giải pháp nâng cao chỉ số PCI, PAPI của",
];
