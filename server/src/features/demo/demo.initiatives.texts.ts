/**
 * The reform initiatives of the demo (seed 000 II.7: every unit at least one a year; seed 003
 * Appendix 2), each aimed at an index component, with the result achieved or the reason it was not
 * recognised.
 */
import type { Component, EvidenceText } from "./demo.follow-up.words";

export interface InitiativeText {
  title: string;
  problem: string;
  solution: string;
  field: string;
  component: Component | null;
  expectedResult: string;
  actualResult?: string;
  rejectReason?: string;
  evidence?: EvidenceText;
}

export const INITIATIVES = {
  zalo: {
    title: "Nhắn tin Zalo nhắc lịch hẹn trả kết quả thủ tục hành chính",
    problem: "Nhiều người dân quên ngày hẹn, đến nhận kết quả trễ hoặc đến sớm phải chờ.",
    solution: "Dùng tài khoản Zalo chính thức của phường gửi tin nhắn nhắc ngày hẹn và báo khi có kết quả.",
    field: "Cải cách thủ tục hành chính",
    component: ["INDEX_766-2022", "MDHL"],
    expectedResult: "Giảm 50% số lượt người dân phải đi lại để hỏi tình trạng hồ sơ.",
  },
  inspectionApp: {
    title: "Theo dõi khắc phục sau kiểm tra cải cách hành chính trên phần mềm",
    problem: "Việc theo dõi khắc phục tồn tại sau kiểm tra làm thủ công trên Excel, khó đôn đốc.",
    solution: "Cập nhật kết luận kiểm tra, hạn khắc phục và minh chứng của đơn vị trên phần mềm dùng chung.",
    field: "Công tác chỉ đạo, điều hành",
    component: ["PAR_INDEX-2022", "PAR1"],
    expectedResult: "100% tồn tại sau kiểm tra được theo dõi đến khi khắc phục xong.",
    actualResult: "Đã theo dõi 100% tồn tại của các cuộc kiểm tra trong năm trên phần mềm.",
  },
  payment: {
    title: "Tích hợp thanh toán trực tuyến phí đăng ký doanh nghiệp",
    problem: "Doanh nghiệp nộp hồ sơ trực tuyến nhưng vẫn phải nộp phí trực tiếp.",
    solution:
      "Tích hợp thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia cho thủ tục đăng ký doanh nghiệp.",
    field: "Đăng ký kinh doanh",
    component: ["PCI-2022", "ENTRY"],
    expectedResult: "Trên 80% hồ sơ đăng ký doanh nghiệp thanh toán trực tuyến.",
    actualResult: "Tỷ lệ thanh toán trực tuyến đạt 91% sau 6 tháng áp dụng.",
    evidence: {
      fileName: "Bao-cao-ket-qua-sang-kien-thanh-toan-truc-tuyen.docx",
      lines: [
        "Báo cáo kết quả áp dụng sáng kiến",
        "Tỷ lệ hồ sơ đăng ký doanh nghiệp thanh toán trực tuyến đạt 91% sau 6 tháng áp dụng.",
      ],
    },
  },
  noWait: {
    title: "Mô hình “Một cửa không chờ”: đặt lịch hẹn trực tuyến tại Trung tâm Phục vụ hành chính công",
    problem: "Người dân, doanh nghiệp phải chờ lâu vào giờ cao điểm tại Trung tâm.",
    solution: "Đặt lịch hẹn trực tuyến theo khung giờ, bốc số từ xa và nhận tin nhắn khi đến lượt.",
    field: "Cơ chế một cửa, một cửa liên thông",
    component: ["SIPAS-2022", "SERVICE.1"],
    expectedResult: "Thời gian chờ trung bình dưới 15 phút.",
    actualResult: "Thời gian chờ trung bình giảm từ 42 phút xuống 11 phút.",
  },
  qrGuide: {
    title: "Sổ tay hướng dẫn thủ tục cấp phiếu lý lịch tư pháp bằng mã QR",
    problem: "Người dân khó tìm thông tin về thành phần hồ sơ cấp phiếu lý lịch tư pháp.",
    solution: "In mã QR dẫn đến hướng dẫn tại các điểm tiếp nhận.",
    field: "Tư pháp",
    component: null,
    expectedResult: "Giảm hồ sơ phải bổ sung.",
    rejectReason:
      "Giải pháp đã được Bộ Tư pháp triển khai thống nhất trên toàn quốc; chưa có tính mới so với cách làm hiện hành.",
  },
  communityTech: {
    title: "Tổ công nghệ số cộng đồng hỗ trợ người dân nộp hồ sơ trực tuyến tại nhà",
    problem: "Người cao tuổi, người khó khăn chưa biết nộp hồ sơ trực tuyến.",
    solution: "Đoàn viên thanh niên ở từng khu phố đến nhà hướng dẫn, nộp hộ hồ sơ trực tuyến.",
    field: "Chính quyền số",
    component: ["INDEX_766-2022", "DVCTT"],
    expectedResult: "Tỷ lệ hồ sơ trực tuyến toàn trình của phường trên 60%.",
    actualResult: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 64%; hỗ trợ 1.150 lượt người dân.",
    evidence: {
      fileName: "Bao-cao-to-cong-nghe-so-cong-dong.docx",
      lines: [
        "Báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng",
        "Hỗ trợ 1.150 lượt người dân nộp hồ sơ trực tuyến.",
      ],
    },
  },
  civilRegistry: {
    title: "Số hóa sổ hộ tịch tồn đọng giai đoạn 1995-2015 với sự tham gia của đoàn viên thanh niên",
    problem: "Sổ hộ tịch giấy xuống cấp, tra cứu mất nhiều thời gian.",
    solution: "Đoàn viên thanh niên nhập liệu, công chức tư pháp - hộ tịch kiểm tra, ký số.",
    field: "Hộ tịch",
    component: ["INDEX_766-2022", "SHHS"],
    expectedResult: "Số hóa 100% sổ hộ tịch giai đoạn 1995-2015.",
  },
  drawings: {
    title: "Cấp giấy phép xây dựng trực tuyến với bản vẽ điện tử",
    problem: "Chủ đầu tư phải nộp nhiều bộ bản vẽ giấy.",
    solution: "Nhận bản vẽ điện tử có chữ ký số, thẩm định trên phần mềm.",
    field: "Xây dựng",
    component: ["PCI-2022", "TIME"],
    expectedResult: "Rút ngắn 30% thời gian cấp phép.",
  },
  livestream: {
    title: "Phát trực tiếp hình ảnh Bộ phận Một cửa lên mạng xã hội",
    problem: "Người dân muốn biết tình hình đông hay vắng trước khi đến.",
    solution: "Phát hình ảnh camera tại Bộ phận Một cửa lên trang mạng xã hội của phường.",
    field: "Cơ chế một cửa",
    component: null,
    expectedResult: "Người dân chủ động thời gian đến làm thủ tục.",
    rejectReason:
      "Chưa đánh giá tác động đến quyền riêng tư của người dân đến làm thủ tục; đề nghị nghiên cứu, hoàn thiện và đăng ký lại.",
  },
  landMap: {
    title: "Bản đồ số quỹ đất công phục vụ nhà đầu tư",
    problem: "Nhà đầu tư khó tiếp cận thông tin quỹ đất sạch.",
    solution: "Công khai quỹ đất công trên bản đồ số, cập nhật hằng tháng.",
    field: "Đất đai",
    component: ["PCI-2022", "LAND"],
    expectedResult: "Công khai 100% quỹ đất công đã giải phóng mặt bằng.",
    actualResult: "Đã công khai 214 khu đất trên bản đồ số.",
  },
  qrReceipt: {
    title: "Phiếu hẹn điện tử có mã QR tra cứu tình trạng hồ sơ",
    problem: "Người dân phải gọi điện hoặc đến hỏi tình trạng hồ sơ.",
    solution: "In mã QR trên phiếu hẹn để tra cứu trên điện thoại.",
    field: "Cải cách thủ tục hành chính",
    component: ["INDEX_766-2022", "CKMB"],
    expectedResult: "Giảm số cuộc gọi hỏi tình trạng hồ sơ.",
    actualResult: "Số cuộc gọi hỏi tình trạng hồ sơ giảm 70%.",
  },
  parScoring: {
    title: "Tự chấm điểm Chỉ số cải cách hành chính trực tuyến cho các sở, ngành",
    problem: "Hồ sơ tự chấm điểm bằng giấy, tổng hợp chậm.",
    solution: "Các sở, ngành tự chấm điểm và đính kèm tài liệu kiểm chứng trên phần mềm.",
    field: "Công tác chỉ đạo, điều hành",
    component: ["PAR_INDEX-2022", "PAR1"],
    expectedResult: "Rút ngắn thời gian tổng hợp từ 30 xuống 10 ngày.",
    actualResult: "Thời gian tổng hợp còn 8 ngày.",
  },
  mailbox: {
    title: "Hộp thư góp ý điện tử của phường",
    problem: "Người dân ít góp ý về thái độ phục vụ.",
    solution: "Mở hộp thư góp ý qua biểu mẫu trực tuyến.",
    field: "Tiếp nhận phản ánh, kiến nghị",
    component: ["SIPAS-2022", "SERVICE.5"],
    expectedResult: "Tăng số lượt góp ý.",
    rejectReason: "Trùng với chức năng phản ánh, kiến nghị sẵn có trên Cổng Dịch vụ công của tỉnh.",
  },
  healthBooking: {
    title: "Đặt lịch khám bệnh trực tuyến tại các bệnh viện tuyến tỉnh",
    problem: "Người bệnh phải xếp hàng từ sáng sớm để lấy số khám.",
    solution: "Đặt lịch khám trên ứng dụng, nhận số thứ tự qua tin nhắn.",
    field: "Y tế",
    component: ["SIPAS-2022", "BASIC"],
    expectedResult: "50% lượt khám được đặt lịch trước.",
    actualResult: "46% lượt khám ngoại trú được đặt lịch trước.",
  },
  budgetDisclosure: {
    title: "Công khai dự toán, quyết toán ngân sách trên bản đồ số theo từng xã",
    problem: "Người dân khó theo dõi việc sử dụng ngân sách ở địa phương.",
    solution: "Công khai số liệu dự toán, quyết toán trên bản đồ số, cập nhật theo quý.",
    field: "Tài chính công",
    component: ["PAR_INDEX-2022", "PAR6"],
    expectedResult: "100% xã, phường công khai đúng hạn.",
    actualResult: "100% xã, phường công khai đúng hạn trong năm.",
  },
} satisfies Record<string, InitiativeText>;

export type InitiativeKey = keyof typeof INITIATIVES;
