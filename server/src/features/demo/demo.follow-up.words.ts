/** What the people of the demo's follow-up stories write: shared shapes and helpers. */
import type { ItemWords } from "./demo.follow-up.acts";

/** An index component a text bears on: a version of an index and the component's code. */
export type Component = readonly [versionCode: string, componentCode: string];

/** Evidence as the demo writes it: a PDF of ASCII lines (a standard PDF font), or a Word document. */
export type EvidenceText = NonNullable<ItemWords["evidence"]>;
export const pdf = (fileName: string, ...lines: string[]): EvidenceText => ({ fileName, lines });

/** What the follower or the unit says about an item while it is being handled. */
export const FOLLOW_UP_COMMENTS = {
  hurry: "Đề nghị đơn vị khẩn trương khắc phục, báo cáo kết quả về Sở Nội vụ trước thời hạn.",
  progress: "Đề nghị báo cáo tiến độ giải quyết các hồ sơ còn tồn đọng.",
  waiting:
    "Đơn vị đang chờ Sở Khoa học và Công nghệ nâng cấp đường truyền tại Bộ phận Một cửa; dự kiến hoàn thành trong tháng tới.",
  extracting: "Phường đang trích xuất lại số liệu trên Hệ thống, sẽ báo cáo bổ sung trong tuần.",
  answerSoon: "Đề nghị đơn vị khẩn trương trả lời kiến nghị, gửi Văn phòng UBND tỉnh để tổng hợp.",
};
