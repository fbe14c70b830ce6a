/**
 * A dialogue's recommendations with their answers as one Excel table (app/xlsx.ts): the list the host
 * publishes after a dialogue. Who raised each is written as the public reads it (core's
 * `raiserShown`: an anonymous raiser is never named); no officer's name, comment or file is in it.
 */
import ExcelJS from "exceljs";
import {
  DIALOGUE_KIND_LABELS_VI,
  type DialogueKind,
  RAISER_KIND_LABELS_VI,
  type RaiserKind,
  raiserShown,
} from "../../../../../core/src/follow-up/dialogues";
import {
  FOLLOW_UP_STATE_LABELS_VI,
  type FollowUpState,
  followUpStatus,
} from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUS_LABELS_VI } from "../../../../../core/src/plans/status";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { today } from "../../org-units/org-units.service";
import { createDialoguesRepository, type RecommendationDbRow } from "./dialogues.repository";
import { getVisibleDialogue } from "./dialogues.service";

export async function exportRecommendationsXlsx({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const dialogue = await getVisibleDialogue({ db, actor, id });
  const rows = await createDialoguesRepository(db).allRecommendations(id);
  const day = today();
  const numbered = rows.map((r, i) => ({ ...r, n: i + 1 }));
  const wb = new ExcelJS.Workbook();
  const status = (r: RecommendationDbRow) => {
    const s = followUpStatus({
      state: r.state as FollowUpState,
      dueDate: r.dueDate,
      doneOn: r.doneOn,
      today: day,
    });
    return s ? ASSIGNMENT_STATUS_LABELS_VI[s] : "";
  };
  tableSheet(wb, {
    name: "Kiến nghị",
    title: `Tổng hợp kiến nghị và kết quả trả lời: ${dialogue.title}`,
    note: `${DIALOGUE_KIND_LABELS_VI[dialogue.kind as DialogueKind]}, ngày ${formatDateVi(dialogue.heldOn)}; đơn vị chủ trì: ${dialogue.hostUnitName}${dialogue.chair ? `; chủ trì: ${dialogue.chair}` : ""}. Số liệu đến ngày ${formatDateVi(day)}.`,
    rows: numbered,
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Nội dung kiến nghị", width: 60, value: (r) => r.content },
      {
        header: "Người/đơn vị kiến nghị",
        width: 30,
        value: (r) =>
          raiserShown({
            kind: (r.raiserKind as RaiserKind | null) ?? "other",
            name: r.raiserName,
            anonymous: r.anonymous,
          }),
      },
      {
        header: "Loại",
        width: 14,
        value: (r) => (r.raiserKind ? RAISER_KIND_LABELS_VI[r.raiserKind as RaiserKind] : ""),
      },
      { header: "Lĩnh vực", width: 20, value: (r) => r.field },
      { header: "Chỉ số thành phần", width: 28, value: (r) => r.componentName ?? "" },
      { header: "Đơn vị xử lý", width: 30, value: (r) => r.unitName ?? "Chưa giao" },
      { header: "Thời hạn", width: 12, kind: "date", value: (r) => r.dueDate },
      {
        header: "Tình trạng",
        width: 20,
        value: (r) => FOLLOW_UP_STATE_LABELS_VI.recommendation[r.state as FollowUpState] ?? "",
      },
      { header: "Theo thời hạn", width: 20, value: status },
      { header: "Ngày trả lời", width: 12, kind: "date", value: (r) => r.reportedOn },
      { header: "Nội dung trả lời", width: 60, value: (r) => r.answer },
      {
        header: "Đã công khai",
        width: 10,
        value: (r) => (r.published && r.state === "accepted" ? "Có" : "Không"),
      },
    ],
  });
  const slug = foldForMatch(dialogue.title).replace(/ /g, "-").slice(0, 60);
  return { fileName: `kien-nghi-${dialogue.heldOn}-${slug}.xlsx`, data: await workbookBuffer(wb) };
}
