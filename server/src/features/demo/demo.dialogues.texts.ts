/**
 * The demo's dialogues (seed 000 §II, seed 003 Appendices 3-4): the province chairman's with
 * businesses and a ward's with its citizens, the recommendations raised (land, taxes, customs,
 * online procedures; some anonymous) and the answers given.
 */
import type { ItemWords } from "./demo.follow-up.acts";
import { type Component, pdf } from "./demo.follow-up.words";

export interface RecommendationText extends ItemWords {
  content: string;
  raiserKind: "business" | "association" | "citizen" | "other";
  raiserName: string;
  anonymous?: boolean;
  field: string;
  component: Component | null;
}

export const BUSINESS_DIALOGUE = {
  title: (year: number) => `Hội nghị đối thoại giữa Chủ tịch UBND tỉnh với doanh nghiệp năm ${year}`,
  chair: "Chủ tịch UBND tỉnh",
  participantCount: 82,
  participants:
    "Lãnh đạo UBND tỉnh; lãnh đạo các sở, ban, ngành; Thuế tỉnh, Chi cục Hải quan khu vực; Hiệp hội Doanh nghiệp tỉnh; đại diện 82 doanh nghiệp, hợp tác xã, hộ kinh doanh.",
  minutes:
    "Hội nghị nghe 14 ý kiến, kiến nghị của doanh nghiệp về đất đai, thuế, hải quan, thủ tục hành chính và dịch vụ công trực tuyến. Chủ tịch UBND tỉnh giao các sở, ngành trả lời bằng văn bản trong 30 ngày; Văn phòng UBND tỉnh tổng hợp, công khai kết quả trả lời.",
  minutesFile: pdf(
    "Bien-ban-hoi-nghi-doi-thoai-doanh-nghiep.pdf",
    "BIEN BAN HOI NGHI DOI THOAI",
    "Chu tich UBND tinh voi doanh nghiep",
  ),
};

export const WARD_DIALOGUE = {
  title: (wardName: string) =>
    `Đối thoại giữa Chủ tịch UBND ${wardName.replace("Phường", "phường")} với Nhân dân`,
  chair: "Chủ tịch UBND phường",
  participantCount: 120,
  participants: "Đại diện Nhân dân các khu phố, Ủy ban Mặt trận Tổ quốc phường và các đoàn thể.",
  minutes:
    "Nhân dân nêu 03 kiến nghị về công khai lịch tiếp công dân, chiếu sáng công cộng và hỗ trợ sử dụng VNeID.",
};

export const RECOMMENDATIONS = {
  landPrice: {
    content:
      "Đề nghị rút ngắn thời gian thẩm định, phê duyệt giá đất cụ thể để doanh nghiệp sớm được giao đất thực hiện dự án.",
    raiserKind: "business",
    raiserName: "Công ty Cổ phần Đầu tư Xây dựng Hoàng Phát",
    field: "Đất đai",
    component: ["PCI-2022", "LAND"],
    answer:
      "Sở Nông nghiệp và Môi trường đã rút ngắn thời gian thẩm định giá đất cụ thể từ 30 xuống 20 ngày làm việc; hồ sơ của Công ty đã được phê duyệt giá đất.",
    evidence: pdf("Van-ban-tra-loi-gia-dat.pdf", "VAN BAN TRA LOI KIEN NGHI VE GIA DAT CU THE"),
  },
  vatRefund: {
    content:
      "Thủ tục hoàn thuế giá trị gia tăng đối với hàng nông sản xuất khẩu còn kéo dài; đề nghị giải quyết đúng thời hạn.",
    raiserKind: "business",
    raiserName: "Công ty TNHH Chế biến Nông sản Tây Nguyên",
    field: "Thuế",
    component: ["PCI-2022", "TIME"],
    answer:
      "Thuế tỉnh đã giải quyết hoàn thuế cho Công ty trong 06 ngày làm việc; hồ sơ hoàn thuế điện tử được giải quyết theo thứ tự, không quá thời hạn luật định.",
  },
  customs: {
    content:
      "Đề nghị hỗ trợ thông quan hàng nông sản xuất khẩu qua cửa khẩu quốc tế Lệ Thanh ngoài giờ hành chính vào mùa thu hoạch.",
    raiserKind: "business",
    raiserName: "Công ty TNHH Xuất nhập khẩu Cà phê Ia Grai",
    field: "Hải quan",
    component: ["PCI-2022", "TIME"],
    answer:
      "Chi cục Hải quan khu vực bố trí làm thủ tục ngoài giờ, kể cả thứ Bảy, trong mùa thu hoạch theo đăng ký trước của doanh nghiệp.",
  },
  portal: {
    content:
      "Cổng Dịch vụ công của tỉnh thường xuyên lỗi khi nộp hồ sơ ngoài giờ hành chính; đề nghị nâng cấp hạ tầng.",
    raiserKind: "business",
    raiserName: "",
    anonymous: true,
    field: "Dịch vụ công trực tuyến",
    component: ["INDEX_766-2022", "DVCTT"],
    answer:
      "Sở Khoa học và Công nghệ đã nâng cấp máy chủ, bổ sung đường truyền dự phòng; Cổng hoạt động ổn định 24/7 từ đầu tháng.",
    evidence: pdf("Bao-cao-nang-cap-Cong-DVC.pdf", "BAO CAO NANG CAP HA TANG CONG DICH VU CONG"),
  },
  investment: {
    content:
      "Đề nghị công khai danh mục dự án kêu gọi đầu tư và quỹ đất sạch trên Cổng thông tin điện tử của tỉnh.",
    raiserKind: "association",
    raiserName: "Hiệp hội Doanh nghiệp tỉnh Gia Lai",
    field: "Đầu tư",
    component: ["PCI-2022", "TRANSPARENCY"],
    answer:
      "Sở Tài chính đã công khai danh mục 46 dự án kêu gọi đầu tư và quỹ đất sạch trên Cổng thông tin điện tử của tỉnh, cập nhật hằng quý.",
  },
  factoryPermit: {
    content: "Thời gian cấp giấy phép xây dựng nhà xưởng trong cụm công nghiệp còn chậm so với quy định.",
    raiserKind: "business",
    raiserName: "Công ty Cổ phần Gỗ Phú Tài Gia Lai",
    field: "Xây dựng",
    component: ["PCI-2022", "TIME"],
    answer:
      "Sở Xây dựng đã rà soát, rút ngắn thời gian cấp giấy phép xây dựng nhà xưởng trong cụm công nghiệp còn 10 ngày làm việc.",
  },
  extraPapers: {
    content: "Một số công chức tiếp nhận hồ sơ còn yêu cầu nộp thêm giấy tờ ngoài quy định.",
    raiserKind: "business",
    raiserName: "",
    anonymous: true,
    field: "Thủ tục hành chính",
    component: ["PCI-2022", "INFORMAL"],
    answer: "",
    transferReason:
      "Nội dung phản ánh hành vi của công chức thuộc thẩm quyền xác minh, xử lý của Thanh tra tỉnh.",
  },
  einvoice: {
    content:
      "Đề nghị tổ chức tập huấn về hóa đơn điện tử và kê khai thuế cho hộ kinh doanh chuyển lên doanh nghiệp.",
    raiserKind: "business",
    raiserName: "Hộ kinh doanh Trần Văn Tài",
    field: "Thuế",
    component: ["PCI-2022", "SUPPORT"],
    answer: "Thuế tỉnh sẽ tổ chức tập huấn cho hộ kinh doanh chuyển lên doanh nghiệp.",
    returnReason: "Câu trả lời chưa nêu thời gian, địa điểm tập huấn cụ thể; đề nghị bổ sung để công khai.",
  },
  roads: {
    content: "Đường giao thông vào Cụm công nghiệp Diên Phú xuống cấp, ảnh hưởng vận chuyển hàng hóa.",
    raiserKind: "business",
    raiserName: "Công ty TNHH Bao bì Pleiku",
    field: "Hạ tầng",
    component: null,
    answer: "",
  },
  wardLand: {
    content:
      "Đề nghị rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ kinh doanh trên địa bàn phường.",
    raiserKind: "business",
    raiserName: "Hộ kinh doanh Nguyễn Thị Hoa",
    field: "Đất đai",
    component: ["PCI-2022", "LAND"],
    answer: "",
  },
  interest: {
    content: "Đề nghị có chính sách hỗ trợ lãi suất cho doanh nghiệp nhỏ và vừa đầu tư chuyển đổi số.",
    raiserKind: "business",
    raiserName: "Công ty TNHH Phần mềm Quy Nhơn",
    field: "Tài chính",
    component: ["PCI-2022", "SUPPORT"],
    answer: "",
  },
  westOffice: {
    content: "Đề nghị bố trí thêm điểm tiếp nhận hồ sơ đất đai ở các xã phía Tây của tỉnh.",
    raiserKind: "business",
    raiserName: "",
    anonymous: true,
    field: "Đất đai",
    component: null,
    answer: "",
  },
  landRent: {
    content:
      "Đề nghị xem xét miễn, giảm tiền thuê đất cho dự án nông nghiệp công nghệ cao bị thiệt hại do bão lũ.",
    raiserKind: "business",
    raiserName: "Hợp tác xã Nông nghiệp Công nghệ cao Chư Sê",
    field: "Đất đai",
    component: ["PCI-2022", "LAND"],
    answer: "",
  },
  tariff: {
    content: "Đề nghị điều chỉnh thuế suất thuế nhập khẩu đối với máy móc chế biến nông sản.",
    raiserKind: "business",
    raiserName: "Công ty Cổ phần Cơ khí Nông nghiệp An Nhơn",
    field: "Thuế",
    component: null,
    answer: "",
    closeReason:
      "Nội dung thuộc thẩm quyền của Bộ Tài chính; UBND tỉnh đã chuyển kiến nghị đến Bộ Tài chính để xem xét theo thẩm quyền.",
  },
  scheduleBoard: {
    content:
      "Đề nghị niêm yết công khai lịch tiếp công dân và số điện thoại đường dây nóng tại Bộ phận Một cửa phường.",
    raiserKind: "citizen",
    raiserName: "Ông Lê Văn Hùng, khu phố 3",
    field: "Tiếp công dân",
    component: ["INDEX_766-2022", "CKMB"],
    answer:
      "Phường đã niêm yết lịch tiếp công dân và số đường dây nóng tại Bộ phận Một cửa và trên trang Zalo của phường.",
    evidence: pdf("Anh-niem-yet-lich-tiep-cong-dan.pdf", "ANH NIEM YET LICH TIEP CONG DAN"),
  },
  lighting: {
    content: "Đèn chiếu sáng công cộng ở khu phố 5 hư hỏng lâu ngày chưa được sửa chữa.",
    raiserKind: "citizen",
    raiserName: "Bà Nguyễn Thị Lan, khu phố 5",
    field: "Hạ tầng đô thị",
    component: null,
    answer: "",
  },
  vneid: {
    content: "Đề nghị hướng dẫn người cao tuổi cài đặt, sử dụng ứng dụng VNeID để làm thủ tục trực tuyến.",
    raiserKind: "citizen",
    raiserName: "",
    anonymous: true,
    field: "Chính quyền số",
    component: ["INDEX_766-2022", "DVCTT"],
    answer: "",
  },
} satisfies Record<string, RecommendationText>;

export type RecommendationKey = keyof typeof RECOMMENDATIONS;
