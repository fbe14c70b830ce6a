/**
 * The answers of the units to an ad hoc request's questions, in its consolidated exports: a section
 * of the Word report (the reports received) and a sheet of the Excel workbook (every report in scope),
 * one row per unit, one column per question, each answer as a person reads it.
 */

import { AlignmentType, type Paragraph } from "docx";
import { sql } from "drizzle-orm";
import type ExcelJS from "exceljs";
import {
  answerText,
  QUESTION_TYPE_LABELS_VI,
  type ReportQuestion,
  readQuestions,
} from "../../../../../core/src/reporting/questions";
import {
  RECEIVED_STATES,
  REPORT_STATE_LABELS_VI,
  type ReportState,
} from "../../../../../core/src/reporting/report-state";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { para, run } from "../../../app/docx-parts";
import { tableSheet } from "../../../app/xlsx";
import type { TaskScope } from "../../plans/plans.policy";
import { reportScope } from "../reports/reports.repository";

export interface UnitAnswersRow {
  unitName: string;
  state: string;
  answers: Record<string, string>;
}

export interface QuestionAnswers {
  questions: ReportQuestion[];
  rows: UnitAnswersRow[];
}

/** The request's questions and each unit's answers in the actor's scope (only those received: `received`). */
export async function questionAnswers({
  db,
  scope,
  obligation,
  periodKey,
  received,
}: {
  db: DbOrTx;
  scope: TaskScope;
  obligation: { id: string; questions: unknown };
  periodKey: string;
  received: boolean;
}): Promise<QuestionAnswers> {
  const questions = readQuestions(obligation.questions);
  if (!questions.length) return { questions, rows: [] };
  const sent = received ? sql`and r.state = any(${sql.param([...RECEIVED_STATES])}::text[])` : sql``;
  const result = await db.execute(sql`select u.name as "unitName", r.state, r.answers
    from reports r join org_units u on u.id = r.unit_id
    where r.obligation_id = ${obligation.id} and r.period_key = ${periodKey} ${sent} and ${reportScope(scope)}
    order by u.sort_key collate "C", r.unit_id`);
  return { questions, rows: rowsOf<UnitAnswersRow>(result) };
}

/** The Word section: each question with every unit's answer ("Chưa trả lời" left out). */
export function answersSection(data: QuestionAnswers | null | undefined, heading: string): Paragraph[] {
  if (!data?.questions.length) return [];
  return [
    para([run(heading, { bold: true })]),
    ...data.questions.flatMap((q, i) => {
      const answered = data.rows
        .map((r) => ({ unitName: r.unitName, text: answerText(q, r.answers?.[q.id]) }))
        .filter((a) => a.text);
      return [
        para([run(`${i + 1}. ${q.text}`, { bold: true, italics: true })]),
        ...(answered.length
          ? answered.map((a) =>
              para([run(`${a.unitName}: `, { bold: true }), run(a.text)], {
                indent: true,
                align: AlignmentType.JUSTIFIED,
              }),
            )
          : [para([run("Chưa có đơn vị trả lời.", { italics: true })], { indent: true })]),
      ];
    }),
  ];
}

/** The Excel sheet "Câu hỏi": one row per unit, one column per question (its kind in the header). */
export function addAnswersSheet(wb: ExcelJS.Workbook, title: string, data: QuestionAnswers | null) {
  if (!data?.questions.length) return;
  tableSheet(wb, {
    name: "Câu hỏi",
    title,
    rows: data.rows,
    columns: [
      { header: "Đơn vị", width: 30, value: (r: UnitAnswersRow) => r.unitName },
      {
        header: "Trạng thái báo cáo",
        width: 16,
        value: (r: UnitAnswersRow) => REPORT_STATE_LABELS_VI[r.state as ReportState] ?? r.state,
      },
      ...data.questions.map((q) => ({
        header: `${q.text} (${QUESTION_TYPE_LABELS_VI[q.type]}${q.required ? ", bắt buộc" : ""})`,
        width: q.type === "text" ? 50 : 18,
        value: (r: UnitAnswersRow) => answerText(q, r.answers?.[q.id]),
      })),
    ],
  });
}
