import { describe, expect, it } from "vitest";
import { answerProblem, answersProblem, answerText, readQuestions, unansweredRequired } from "./questions";

const [count, funded, level, day, note] = readQuestions([
  { id: "q1", text: "Số hồ sơ", type: "number", required: true, choices: [] },
  { id: "q2", text: "Có kinh phí?", type: "yesNo", required: false, choices: [] },
  { id: "q3", text: "Mức độ", type: "choice", required: true, choices: ["Tốt", "Khá"] },
  { id: "q4", text: "Ngày xong", type: "date", required: false, choices: [] },
  "Ghi chú",
]);

describe("questions of an ad hoc request", () => {
  it("reads questions stored as plain strings as text questions that may be left blank", () => {
    expect(note).toEqual({ id: "q5", text: "Ghi chú", type: "text", required: false, choices: [] });
  });
  it("checks each answer against its kind, naming the question", () => {
    expect(answerProblem(count, "12,5")).toBe("Câu hỏi “Số hồ sơ” cần trả lời bằng một số.");
    expect(answerProblem(count, "12.5")).toBeNull();
    expect(answerProblem(funded, "có")).toBe("Câu hỏi “Có kinh phí?” cần trả lời Có hoặc Không.");
    expect(answerProblem(level, "Trung bình")).toMatch(/cần chọn một trong các lựa chọn/);
    expect(answerProblem(day, "2026-13-40")).toBe("Câu hỏi “Ngày xong” cần trả lời bằng một ngày.");
    expect(answerProblem(day, "2026-12-31")).toBeNull();
    expect(answerProblem(count, "")).toBeNull();
    expect(answersProblem([count], { q9: "1" })).toMatch(/không có trong yêu cầu/);
  });
  it("lists the required questions left blank", () => {
    expect(unansweredRequired([count, level, note], { q1: " ", q3: "Tốt" }).map((q) => q.id)).toEqual(["q1"]);
  });
  it("writes an answer as a person reads it", () => {
    expect(answerText(count, "1250.5")).toBe("1.250,5");
    expect(answerText(funded, "no")).toBe("Không");
    expect(answerText(day, "2026-03-05")).toBe("05/03/2026");
    expect(answerText(note, undefined)).toBe("");
  });
});
