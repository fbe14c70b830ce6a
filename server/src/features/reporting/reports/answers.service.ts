/**
 * The answers of a unit to the questions of an ad hoc request: one answer at a time, checked against
 * its question's kind, audited. An answer is its own small write (like a task entry's autosave): it
 * does not move the report's version, so it never conflicts with the general part saved beside it.
 */
import {
  answerProblem,
  readQuestions,
  unansweredRequired,
} from "../../../../../core/src/reporting/questions";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { badRequest, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import { canEditReport } from "../reporting.policy";
import { createReportsRepository } from "./reports.repository";
import { asLike, editRefusal, getVisibleReport, type LoadedReport } from "./reports.service";

export async function saveAnswer({
  db,
  actor,
  id,
  questionId,
  value,
}: {
  db: Db;
  actor: Actor;
  id: string;
  questionId: string;
  value: string;
}) {
  return db.transaction(async (tx) => {
    const repo = createReportsRepository(tx);
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    const question = readQuestions(report.questions).find((q) => q.id === questionId);
    if (!question) throw notFound("report.questionNotFound", "Không tìm thấy câu hỏi trong yêu cầu báo cáo.");
    if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
    const problem = answerProblem(question, value);
    if (problem) throw badRequest("report.answerInvalid", problem);
    const before = (report.answers as Record<string, string>)[questionId] ?? "";
    const answers = await repo.setAnswer({ id, questionId, value: value.trim(), by: actor.userId });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "report",
        entityId: id,
        action: "answer",
        before: { questionId, value: before },
        after: { questionId, question: question.text, value: value.trim() },
      },
    });
    return answers;
  });
}

/** Refuses to send a report whose required questions are unanswered, naming them. */
export function refuseUnanswered(report: LoadedReport) {
  const missing = unansweredRequired(
    readQuestions(report.questions),
    report.answers as Record<string, string>,
  );
  if (missing.length)
    throw badRequest(
      "report.answersRequired",
      `Chưa trả lời câu hỏi bắt buộc: ${missing.map((q) => `“${q.text}”`).join("; ")}.`,
    );
}
