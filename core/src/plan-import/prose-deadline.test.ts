import { describe, expect, it } from "vitest";
import { proseDeadline } from "./prose-deadline";

describe("deadlines written in a sentence (seed 000's prose tasks)", () => {
  it.each([
    ["Định kỳ hằng tháng, rà soát công khai trên cổng thông tin điện tử", "Định kỳ hằng tháng"],
    [
      "Công khai kết quả giải ngân vốn đầu tư công định kỳ hằng tháng. Hình thức công khai",
      "định kỳ hằng tháng",
    ],
    [
      "Công khai danh sách hộ nghèo (công khai liên tục trong năm). Hình thức công khai",
      "công khai liên tục trong năm",
    ],
    ["Xây dựng đề án (thời gian trình trong tháng 3/2024). Tập trung nghiên cứu", "trong tháng 3/2024"],
    [
      "Thời gian hoàn thành kế hoạch của cơ quan, đơn vị, địa phương trong tháng 02/2024. Định kỳ hàng quý báo cáo",
      "trong tháng 02/2024",
    ],
  ])("%s → %s", (text, expected) => {
    expect(proseDeadline(text)).toBe(expected);
  });

  it.each([
    "Công khai văn bản (công khai ngay sau khi ban hành). Hình thức công khai: (1) Trên trang thông tin",
    "Công khai thu, chi ngân sách (trong năm thực hiện dự toán ngân sách).",
    "Cán bộ định kỳ hằng tuần tổ chức rà soát",
    "Tổng hợp, định kỳ hằng quý, 06 tháng, cuối năm tổng hợp, báo cáo UBND tỉnh kết quả thực hiện.",
    "Rà soát thủ tục (nếu có)",
  ])("takes no deadline from a note, an unsupported rhythm or a reporting rhythm: %s", (text) => {
    expect(proseDeadline(text)).toBeNull();
  });
});
