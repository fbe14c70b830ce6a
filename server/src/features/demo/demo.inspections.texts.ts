/**
 * What Sở Nội vụ's inspection team and the units inspected write in the demo (seed 000 §II, seed 003
 * Appendix 2: "kiểm tra, đôn đốc … khắc phục tồn tại, hạn chế"): the plan, the findings on the one-stop
 * shop, online services, publicity of procedures and digitisation of dossiers, each linked to the
 * index component it bears on, and what each unit reports of its remediation.
 */
import type { FindingSeverity } from "../../../../core/src/follow-up/inspections";
import type { ItemWords } from "./demo.follow-up.acts";
import { type Component, pdf } from "./demo.follow-up.words";

export interface FindingText extends ItemWords {
  content: string;
  component: Component;
  severity: FindingSeverity;
  requiredResult: string;
}

export const INSPECTION_PLAN = {
  title: (year: number) => `Kế hoạch kiểm tra công tác cải cách hành chính năm ${year}`,
  number: (year: number) => `${12 + (year % 7)}/KH-SNV`,
  scope:
    "Việc thực hiện cơ chế một cửa, một cửa liên thông; công khai thủ tục hành chính; cung cấp dịch vụ công trực tuyến; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tiếp nhận, xử lý phản ánh, kiến nghị.",
  team: "Trưởng đoàn: Phó Giám đốc Sở Nội vụ; thành viên: Phòng Cải cách hành chính (Sở Nội vụ), Trung tâm Phục vụ hành chính công tỉnh, Sở Khoa học và Công nghệ.",
  conclusion: (unitName: string) =>
    `Qua kiểm tra, ${unitName} đã quan tâm chỉ đạo, ban hành kế hoạch và triển khai các nhiệm vụ cải cách hành chính; Bộ phận Một cửa được bố trí cơ bản đầy đủ trang thiết bị. Tuy nhiên, đơn vị còn một số tồn tại, hạn chế nêu dưới đây; đề nghị khắc phục và báo cáo kết quả về Sở Nội vụ đúng thời hạn.`,
  cancelReason:
    "Đơn vị đã được Thanh tra tỉnh thanh tra công vụ cùng nội dung trong năm; chuyển việc kiểm tra sang kế hoạch năm sau để tránh chồng chéo.",
};

export const FINDINGS = {
  publicity: {
    content:
      "Bộ phận Một cửa chưa niêm yết công khai đầy đủ thủ tục hành chính thuộc thẩm quyền; một số thủ tục niêm yết đã hết hiệu lực.",
    component: ["INDEX_766-2022", "CKMB"],
    severity: "medium",
    requiredResult:
      "Rà soát, niêm yết đầy đủ thủ tục hành chính còn hiệu lực tại Bộ phận Một cửa và trên Trang thông tin điện tử; gỡ bỏ thủ tục đã hết hiệu lực.",
    answer:
      "Đã rà soát, niêm yết 186 thủ tục hành chính còn hiệu lực tại Bộ phận Một cửa và trên Trang thông tin điện tử; gỡ bỏ 14 thủ tục đã hết hiệu lực.",
    resubmit: "Bổ sung ảnh chụp bảng niêm yết sau khi khắc phục và đường dẫn trang công khai.",
    returnReason: "Chưa có ảnh chụp bảng niêm yết sau khi khắc phục; đề nghị bổ sung minh chứng.",
    evidence: pdf(
      "Anh-chup-bang-niem-yet-TTHC.pdf",
      "ANH CHUP BANG NIEM YET THU TUC HANH CHINH",
      "Bo phan Mot cua - sau khi khac phuc",
    ),
  },
  digitisation: {
    content:
      "Tỷ lệ hồ sơ thủ tục hành chính được số hóa khi tiếp nhận mới đạt 38%, thấp hơn chỉ tiêu của tỉnh (100%).",
    component: ["INDEX_766-2022", "SHHS"],
    severity: "high",
    requiredResult:
      "Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận; báo cáo kèm số liệu trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính.",
    answer:
      "Đã phân công công chức chuyên trách số hóa tại Bộ phận Một cửa; tỷ lệ hồ sơ được số hóa khi tiếp nhận trong tháng đạt 96%.",
    resubmit: "Bổ sung bảng số liệu trích xuất từ Hệ thống theo từng lĩnh vực.",
    returnReason:
      "Số liệu báo cáo chưa khớp với số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính; đề nghị rà soát, bổ sung bảng trích xuất.",
    evidence: pdf(
      "So-lieu-so-hoa-ho-so.pdf",
      "SO LIEU SO HOA HO SO THU TUC HANH CHINH",
      "Trich xuat tu He thong thong tin giai quyet TTHC cua tinh",
    ),
  },
  online: {
    content:
      "Tỷ lệ hồ sơ nộp trực tuyến toàn trình thấp (21%); chưa bố trí người hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại Bộ phận Một cửa.",
    component: ["INDEX_766-2022", "DVCTT"],
    severity: "medium",
    requiredResult:
      "Bố trí công chức, đoàn viên hướng dẫn người dân nộp hồ sơ trực tuyến; nâng tỷ lệ hồ sơ trực tuyến toàn trình trên 50%.",
    answer:
      "Đã bố trí 02 công chức và tổ công nghệ số cộng đồng hướng dẫn người dân nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến toàn trình tháng gần nhất đạt 54%.",
  },
  apology: {
    content:
      "Còn 12 hồ sơ giải quyết quá hạn nhưng chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả theo quy định.",
    component: ["INDEX_766-2022", "TDGQ"],
    severity: "high",
    requiredResult:
      "Gửi văn bản xin lỗi, hẹn lại ngày trả kết quả đối với hồ sơ quá hạn; chấn chỉnh, không để phát sinh hồ sơ quá hạn không có lý do.",
    answer:
      "Đã gửi văn bản xin lỗi 12 trường hợp, trả kết quả đúng ngày hẹn lại; tổ chức kiểm điểm công chức để xảy ra hồ sơ quá hạn.",
    evidence: pdf(
      "Van-ban-xin-loi-ho-so-qua-han.pdf",
      "VAN BAN XIN LOI VA HEN LAI NGAY TRA KET QUA",
      "Danh sach 12 ho so qua han",
    ),
  },
  plan: {
    content:
      "Kế hoạch cải cách hành chính năm của đơn vị ban hành chậm; chưa phân công cụ thể trách nhiệm theo dõi, đánh giá từng nhiệm vụ.",
    component: ["PAR_INDEX-2022", "PAR1"],
    severity: "low",
    requiredResult: "Sửa đổi kế hoạch, phân công cụ thể người chịu trách nhiệm; gửi Sở Nội vụ.",
    answer: "Đã ban hành Kế hoạch sửa đổi, phân công từng phòng, từng công chức theo dõi nhiệm vụ; gửi kèm.",
    evidence: pdf("Ke-hoach-CCHC-sua-doi.pdf", "KE HOACH CAI CACH HANH CHINH (SUA DOI)"),
  },
  feedback: {
    content:
      "Chưa xử lý kịp thời phản ánh, kiến nghị của người dân trên Cổng Dịch vụ công; 03 phản ánh quá hạn trả lời.",
    component: ["SIPAS-2022", "SERVICE.5"],
    severity: "medium",
    requiredResult:
      "Trả lời đầy đủ các phản ánh, kiến nghị tồn đọng; phân công đầu mối tiếp nhận, xử lý và công khai kết quả.",
    answer:
      "Đã trả lời 03 phản ánh tồn đọng; giao Văn phòng làm đầu mối tiếp nhận, xử lý phản ánh hằng ngày.",
    returnReason:
      "Chưa công khai kết quả trả lời trên Cổng Dịch vụ công theo yêu cầu; đề nghị thực hiện và báo cáo lại.",
    closeReason:
      "Nội dung đã được xử lý theo Kết luận thanh tra của Thanh tra tỉnh; không theo dõi riêng tại kết luận kiểm tra này.",
    evidence: pdf("Tra-loi-phan-anh-kien-nghi.pdf", "TRA LOI PHAN ANH, KIEN NGHI CUA NGUOI DAN"),
  },
  payment: {
    content: "Chưa triển khai thanh toán trực tuyến phí, lệ phí đối với các thủ tục hành chính đủ điều kiện.",
    component: ["INDEX_766-2022", "TTTT"],
    severity: "low",
    requiredResult: "Tích hợp thanh toán trực tuyến cho 100% thủ tục có phí, lệ phí đủ điều kiện.",
    answer: "Đã tích hợp thanh toán trực tuyến cho 27/27 thủ tục có phí, lệ phí.",
  },
  satisfaction: {
    content:
      "Chưa tổ chức lấy ý kiến đánh giá mức độ hài lòng của người dân tại Bộ phận Một cửa thường xuyên; thiết bị đánh giá không hoạt động.",
    component: ["INDEX_766-2022", "MDHL"],
    severity: "low",
    requiredResult: "Sửa chữa thiết bị đánh giá; lấy ý kiến hài lòng đối với 100% hồ sơ trả kết quả.",
    answer: "Đã thay thiết bị đánh giá; triển khai đánh giá qua mã QR trên phiếu hẹn.",
  },
  archive: {
    content: "Hồ sơ thủ tục hành chính đã giải quyết chưa được lập danh mục, lưu trữ điện tử theo quy định.",
    component: ["PAR_INDEX-2022", "PAR7"],
    severity: "low",
    requiredResult: "Lập danh mục hồ sơ, lưu trữ điện tử hồ sơ đã giải quyết từ đầu năm.",
    answer: "Đã lập danh mục và lưu trữ điện tử 1.240 hồ sơ đã giải quyết từ đầu năm.",
    evidence: pdf("Danh-muc-ho-so-luu-tru.pdf", "DANH MUC HO SO LUU TRU DIEN TU"),
  },
  process: {
    content:
      "Chưa công khai quy trình nội bộ giải quyết thủ tục hành chính trên Trang thông tin điện tử của đơn vị.",
    component: ["PAR_INDEX-2022", "PAR3"],
    severity: "medium",
    requiredResult: "Công khai đầy đủ quy trình nội bộ đã được phê duyệt trên Trang thông tin điện tử.",
    answer: "Đã công khai 112 quy trình nội bộ trên Trang thông tin điện tử của Sở (đường dẫn kèm theo).",
    evidence: {
      fileName: "Bao-cao-cong-khai-quy-trinh-noi-bo.docx",
      lines: [
        "Báo cáo kết quả công khai quy trình nội bộ",
        "Đã công khai 112 quy trình nội bộ giải quyết thủ tục hành chính trên Trang thông tin điện tử của Sở.",
      ],
    },
  },
  land: {
    content:
      "Thời gian giải quyết thủ tục giao đất, cho thuê đất còn kéo dài; 09 hồ sơ vượt thời hạn quy định từ 15 đến 40 ngày.",
    component: ["PCI-2022", "LAND"],
    severity: "high",
    requiredResult:
      "Giải quyết dứt điểm hồ sơ quá hạn; rà soát, cắt giảm thời gian giải quyết thủ tục giao đất, cho thuê đất.",
    answer: "Đã giải quyết 07/09 hồ sơ; 02 hồ sơ đang chờ ý kiến của Bộ Nông nghiệp và Môi trường.",
  },
  entry: {
    content: "Thủ tục đăng ký doanh nghiệp trực tuyến còn yêu cầu nộp bổ sung hồ sơ giấy ngoài quy định.",
    component: ["PCI-2022", "ENTRY"],
    severity: "medium",
    requiredResult: "Chấm dứt yêu cầu nộp hồ sơ giấy đối với hồ sơ đăng ký doanh nghiệp trực tuyến.",
    answer: "Đã ban hành văn bản chấn chỉnh; từ ngày kiểm tra không còn yêu cầu hồ sơ giấy.",
    evidence: pdf("Van-ban-chan-chinh-DKDN.pdf", "VAN BAN CHAN CHINH VIEC YEU CAU HO SO GIAY"),
  },
  permit: {
    content: "Cấp giấy phép xây dựng nhà xưởng còn chậm, 05 hồ sơ quá hạn trong quý.",
    component: ["PCI-2022", "TIME"],
    severity: "medium",
    requiredResult: "Giải quyết hồ sơ quá hạn; công khai tiến độ giải quyết hồ sơ cấp phép xây dựng.",
    answer: "Đã cấp phép 05 hồ sơ quá hạn; công khai tiến độ từng hồ sơ trên Cổng Dịch vụ công.",
    evidence: pdf("Bao-cao-cap-phep-xay-dung.pdf", "BAO CAO KET QUA CAP GIAY PHEP XAY DUNG"),
  },
} satisfies Record<string, FindingText>;

export type FindingKey = keyof typeof FINDINGS;
