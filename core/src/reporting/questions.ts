/**
 * The questions an ad hoc request asks each unit, with the kind of answer each takes, and the one
 * rule of what a valid answer is. Answers are kept as text, keyed by the question's id: a number
 * with a decimal point ("12.5"), a day as an ISO date, "yes" or "no", one of the choices verbatim.
 */
import { formatDateVi } from "../text/dates";
import { formatNumber } from "../words/numbers";

export const QUESTION_TYPES = ["text", "number", "yesNo", "date", "choice"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS_VI: Record<QuestionType, string> = {
  text: "Văn bản",
  number: "Số",
  yesNo: "Có/Không",
  date: "Ngày",
  choice: "Lựa chọn",
};

export interface ReportQuestion {
  id: string;
  text: string;
  type: QuestionType;
  required: boolean;
  choices: string[];
}

/** Ids are given in order at creation ("q1", "q2"…): answers stay tied to their question. */
export const questionId = (index: number) => `q${index + 1}`;

/**
 * Questions as stored: typed objects, or plain strings of requests made before questions had types
 * (migration 0020 turns them into text questions; this reads either).
 */
export function readQuestions(stored: unknown): ReportQuestion[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((q, i) =>
    typeof q === "string"
      ? { id: questionId(i), text: q, type: "text" as const, required: false, choices: [] }
      : {
          id: String(q.id ?? questionId(i)),
          text: String(q.text ?? ""),
          type: (QUESTION_TYPES as readonly string[]).includes(q.type) ? q.type : "text",
          required: Boolean(q.required),
          choices: Array.isArray(q.choices) ? q.choices.map(String) : [],
        },
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why an answer does not fit its question (a Vietnamese sentence naming it), or null when it does. */
export function answerProblem(question: ReportQuestion, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const name = `Câu hỏi “${question.text}”`;
  if (question.type === "number" && !NUMBER.test(v)) return `${name} cần trả lời bằng một số.`;
  if (question.type === "yesNo" && v !== "yes" && v !== "no") return `${name} cần trả lời Có hoặc Không.`;
  if (question.type === "date" && (!ISO_DAY.test(v) || formatDateVi(v) === ""))
    return `${name} cần trả lời bằng một ngày.`;
  if (question.type === "choice" && !question.choices.includes(v))
    return `${name} cần chọn một trong các lựa chọn đã cho.`;
  return null;
}

/** The first problem of a set of answers: an answer to no question, or one that does not fit. */
export function answersProblem(questions: ReportQuestion[], answers: Record<string, string>) {
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === id);
    if (!question) return "Có câu trả lời cho một câu hỏi không có trong yêu cầu báo cáo.";
    const problem = answerProblem(question, value);
    if (problem) return problem;
  }
  return null;
}

/** The required questions left unanswered, in their order. */
export const unansweredRequired = (questions: ReportQuestion[], answers: Record<string, string>) =>
  questions.filter((q) => q.required && !(answers[q.id] ?? "").trim());

/** An answer as a person reads it: "Có"/"Không", a day as dd/mm/yyyy, a decimal comma. */
export function answerText(question: ReportQuestion, value: string | undefined): string {
  const v = (value ?? "").trim();
  if (!v) return "";
  if (question.type === "yesNo") return v === "yes" ? "Có" : v === "no" ? "Không" : v;
  if (question.type === "date") return formatDateVi(v) || v;
  if (question.type === "number") return formatNumber(Number(v), 6);
  return v;
}
