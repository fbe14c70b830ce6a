/** What the demo's units write in their reports and what the reviewer answers: plain Vietnamese. */
import { draw } from "./demo.fates";

const RESULTS = [
  "Đã ban hành kế hoạch triển khai của đơn vị, phân công cụ thể cho từng bộ phận; tổ chức quán triệt đến toàn thể cán bộ, công chức.",
  "Giải quyết đúng hạn 100% hồ sơ thủ tục hành chính tiếp nhận trong tháng; công khai đầy đủ tiến độ giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
  "Tỷ lệ hồ sơ nộp trực tuyến đạt trên 45%; đã rà soát, đề xuất đơn giản hóa 03 thủ tục hành chính thuộc thẩm quyền.",
  "Tổ chức 01 buổi đối thoại với người dân và doanh nghiệp; tiếp nhận, trả lời đầy đủ các phản ánh, kiến nghị.",
];
const DIFFICULTIES = [
  "Một số thủ tục còn phải nộp hồ sơ giấy song song do phần mềm chuyên ngành chưa kết nối với Hệ thống thông tin giải quyết thủ tục hành chính.",
  "Đội ngũ công chức làm công tác cải cách hành chính kiêm nhiệm nhiều việc sau sắp xếp tổ chức bộ máy.",
  "Hạ tầng mạng tại bộ phận một cửa chưa ổn định, ảnh hưởng đến việc tiếp nhận hồ sơ trực tuyến.",
];
const PROPOSALS = [
  "Đề nghị Sở Khoa học và Công nghệ hỗ trợ kết nối phần mềm chuyên ngành với hệ thống của tỉnh.",
  "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ cải cách hành chính cho công chức cấp xã.",
  "Không có kiến nghị.",
];
const RETURN_REASONS = [
  "Chưa nêu số liệu hồ sơ thủ tục hành chính giải quyết đúng hạn, quá hạn trong tháng; đề nghị bổ sung.",
  "Phần khó khăn, vướng mắc còn chung chung; đề nghị nêu cụ thể nhiệm vụ chậm tiến độ và nguyên nhân.",
  "Nhiệm vụ báo cáo đã hoàn thành nhưng chưa có minh chứng; đề nghị đính kèm văn bản, hình ảnh kết quả.",
];
const NARRATIVES = [
  "Đã triển khai theo kế hoạch; đang tổng hợp kết quả để báo cáo.",
  "Đã giao bộ phận chuyên môn thực hiện; kết quả cập nhật trong tháng.",
  "Đã hoàn thành phần việc của đơn vị; văn bản kết quả đính kèm.",
  "Đang phối hợp với các đơn vị liên quan để hoàn thiện.",
];

const pick = (list: string[], key: string) => list[Math.floor(draw(key) * list.length)];

/** The general part of a unit's report for a month. */
export function generalPart(unitName: string, periodLabel: string) {
  return {
    results: `${periodLabel}, ${unitName} tiếp tục triển khai Kế hoạch cải thiện các chỉ số của tỉnh. ${pick(RESULTS, `${unitName}|${periodLabel}|r`)}`,
    difficulties: pick(DIFFICULTIES, `${unitName}|${periodLabel}|d`),
    proposals: pick(PROPOSALS, `${unitName}|${periodLabel}|p`),
  };
}

export const returnReason = (key: string) => pick(RETURN_REASONS, key);
export const narrative = (key: string) => pick(NARRATIVES, key);
