/**
 * Who acts in the demo's follow-up story and how an item's history is replayed: the demo accounts as
 * themselves (dieuphoi of Sở Nội vụ follows the inspections' remediation and the province's dialogue,
 * canbo and lanhdao act for the demo ward), every other unit through its stand-in head. Each act goes
 * through the follow-up items' services on the day it happened (`atInstant`), as a person's would.
 */
import { itemTransitionBody } from "../../../../core/src/api/follow-up-items.schemas";
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import type { Actor } from "../../app/actor";
import { atInstant } from "../../app/clock";
import type { AppConfig } from "../../app/config";
import type { Db } from "../../app/db";
import { addItemComment, uploadItemFile } from "../follow-up/items/items.files";
import { transitionItem } from "../follow-up/items/items.transitions";
import { createOrgUnitsRepository, type OrgUnitRow } from "../org-units/org-units.repository";
import { accountActor, standInHead } from "./demo.actors";
import { type DemoCalendar, pastInstant } from "./demo.calendar";
import { demoDocx, demoPdf } from "./demo.evidence";
import { DEMO_COMMUNE_KEY } from "./gia-lai.units";

export interface FollowUpCast {
  db: Db;
  config: AppConfig;
  calendar: DemoCalendar;
  /** dieuphoi: Sở Nội vụ's coordinator, who inspects, decides on initiatives and hosts for the province. */
  coordinator: Actor;
  /** canbo and lanhdao: the demo ward's officer and head. */
  officer: Actor;
  head: Actor;
  ward: OrgUnitRow;
  unit(key: string): OrgUnitRow;
  /** Who writes for a unit: canbo for the demo ward, the unit's stand-in head elsewhere (one per unit). */
  actorOf(unitId: string): Actor;
  /** Runs `fn` at `hour` on the day `offset` days from today (never after a minute ago). */
  on<T>(offset: number, hour: number, fn: () => Promise<T>): Promise<T>;
  /** The day `offset` days from today. */
  day(offset: number): IsoDate;
}

export async function followUpCast({
  db,
  config,
  calendar,
  unitIds,
}: {
  db: Db;
  config: AppConfig;
  calendar: DemoCalendar;
  unitIds: Map<string, string>;
}): Promise<FollowUpCast> {
  const rows = await createOrgUnitsRepository(db).findByIds([...unitIds.values()]);
  const byId = new Map(rows.map((u) => [u.id, u]));
  const unit = (key: string) => {
    const row = byId.get(unitIds.get(key) ?? "");
    if (!row) throw new Error(`Đơn vị mẫu ${key} chưa được tạo.`);
    return row;
  };
  const officer = await accountActor(db, "canbo");
  const standIns = new Map<string, Actor>();
  return {
    db,
    config,
    calendar,
    coordinator: await accountActor(db, "dieuphoi"),
    officer,
    head: await accountActor(db, "lanhdao"),
    ward: unit(DEMO_COMMUNE_KEY),
    unit,
    actorOf(unitId) {
      if (unitId === officer.unitId) return officer;
      let actor = standIns.get(unitId);
      if (!actor) {
        const row = byId.get(unitId);
        if (!row) throw new Error(`Không có đơn vị ${unitId} trong dữ liệu mẫu.`);
        actor = standInHead(row);
        standIns.set(unitId, actor);
      }
      return actor;
    },
    on: (offset, hour, fn) => atInstant(pastInstant(calendar.day(offset), hour), fn),
    day: (offset) => calendar.day(offset),
  };
}

/** What the people of an item write: the unit's report (and what it adds after a return), the follower's reasons. */
export interface ItemWords {
  answer: string;
  resubmit?: string;
  returnReason?: string;
  closeReason?: string;
  transferReason?: string;
  /** The evidence the unit attaches to its report: a PDF (ASCII lines) or a Word document. */
  evidence?: { fileName: string; lines: string[] };
}

/** One step of an item's history, `day` days from today (always before today: -1 at the latest). */
export type ItemStep =
  | { act: "report"; day: number; evidence?: boolean; again?: boolean }
  | { act: "return" | "accept" | "close"; day: number }
  | { act: "assign"; day: number; unit: string; due: number }
  | { act: "transfer"; day: number; unit: string; by: "follower" | "responsible" }
  | { act: "comment"; day: number; by: "follower" | "responsible"; text: string };

async function evidenceFile(evidence: NonNullable<ItemWords["evidence"]>) {
  const data = evidence.fileName.endsWith(".docx")
    ? await demoDocx(evidence.lines[0], evidence.lines.slice(1))
    : demoPdf(evidence.lines);
  return { fileName: evidence.fileName, data };
}

/**
 * Replays one item's history: each step by the right person on its day. `follower` judges (return,
 * accept, close, assign); the responsible unit's writer reports, and after a transfer the new unit's.
 */
export async function replayItem({
  cast,
  id,
  unitId,
  follower,
  words,
  steps,
}: {
  cast: FollowUpCast;
  id: string;
  unitId: string | null;
  follower: Actor;
  words: ItemWords;
  steps: ItemStep[];
}) {
  const { db } = cast;
  let version = 1;
  let responsible = unitId;
  const writer = () => {
    if (!responsible) throw new Error("Việc chưa giao đơn vị: không có ai báo cáo.");
    return cast.actorOf(responsible);
  };
  const act = async (actor: Actor, day: number, hour: number, input: Record<string, unknown>) => {
    const item = await cast.on(day, hour, () =>
      transitionItem({ db, actor, id, input: itemTransitionBody.parse({ ...input, version }) }),
    );
    version = item.version;
  };
  for (const step of steps) {
    switch (step.act) {
      case "comment":
        await cast.on(step.day, 14, () =>
          addItemComment({
            db,
            actor: step.by === "follower" ? follower : writer(),
            id,
            body: step.text,
          }),
        );
        break;
      case "report": {
        if (step.evidence && words.evidence) {
          const file = await evidenceFile(words.evidence);
          await cast.on(step.day, 9, () =>
            uploadItemFile({ db, config: cast.config, actor: writer(), id, file }),
          );
        }
        const answer = step.again && words.resubmit ? `${words.answer} ${words.resubmit}` : words.answer;
        await act(writer(), step.day, 10, { action: "report", answer });
        break;
      }
      case "return":
        await act(follower, step.day, 15, { action: "return", reason: words.returnReason });
        break;
      case "accept":
        await act(follower, step.day, 15, { action: "accept" });
        break;
      case "close":
        await act(follower, step.day, 15, { action: "close", reason: words.closeReason });
        break;
      case "assign": {
        const unit = cast.unit(step.unit);
        await act(follower, step.day, 9, { action: "assign", unitId: unit.id, dueDate: cast.day(step.due) });
        responsible = unit.id;
        break;
      }
      case "transfer": {
        const unit = cast.unit(step.unit);
        const actor = step.by === "follower" ? follower : writer();
        await act(actor, step.day, 11, { action: "transfer", unitId: unit.id, reason: words.transferReason });
        responsible = unit.id;
        break;
      }
    }
  }
}
