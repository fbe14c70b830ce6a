/**
 * The demo's reform initiatives: this year's and last year's, registered by the units (canbo for the
 * demo ward, stand-in heads elsewhere, dieuphoi for Sở Nội vụ) and decided by dieuphoi: proposed,
 * recognised (with evidence of the result), not recognised with the reason, replicated to other units.
 * Most required units have none this year, so the coverage view shows who falls short.
 */
import {
  initiativeCreateBody,
  initiativeTransitionBody,
} from "../../../../core/src/api/follow-up-initiatives.schemas";
import { toIsoDate } from "../../../../core/src/deadlines/deadline.calendar";
import { daysBetween } from "../../../../core/src/reporting/periods";
import type { Actor } from "../../app/actor";
import { decideInitiative } from "../follow-up/initiatives/initiatives.decisions";
import { uploadInitiativeFile } from "../follow-up/initiatives/initiatives.files";
import { registerInitiative } from "../follow-up/initiatives/initiatives.service";
import { demoDocx } from "./demo.evidence";
import type { FollowUpCast } from "./demo.follow-up.acts";
import { INITIATIVES, type InitiativeKey, type InitiativeText } from "./demo.initiatives.texts";
import { DEMO_COMMUNE_KEY } from "./gia-lai.units";

/** Days are counted from today; `replicate` names the units that are to apply it. */
interface Registration {
  unit: string;
  text: InitiativeKey;
  registered: number;
  decided?: { day: number; action: "recognise" | "reject" };
  replicated?: { day: number; units: string[] };
  /** The day the unit attaches the evidence of its result. */
  evidence?: number;
}

const THIS_YEAR: Registration[] = [
  {
    unit: "gl-vp",
    text: "noWait",
    registered: -260,
    decided: { day: -200, action: "recognise" },
    replicated: { day: -190, units: ["gl-p-an-nhon", "gl-p-pleiku", "gl-x-phu-cat"] },
  },
  {
    unit: "gl-stc",
    text: "payment",
    registered: -230,
    decided: { day: -170, action: "recognise" },
    evidence: -160,
  },
  { unit: "gl-snv", text: "inspectionApp", registered: -200, decided: { day: -150, action: "recognise" } },
  { unit: "gl-stp", text: "qrGuide", registered: -180, decided: { day: -140, action: "reject" } },
  {
    unit: "gl-p-an-nhon",
    text: "communityTech",
    registered: -150,
    decided: { day: -100, action: "recognise" },
    evidence: -90,
  },
  { unit: "gl-snnmt", text: "landMap", registered: -120, decided: { day: -80, action: "recognise" } },
  { unit: "gl-p-pleiku", text: "livestream", registered: -90, decided: { day: -70, action: "reject" } },
  { unit: "gl-x-phu-cat", text: "civilRegistry", registered: -60 },
  { unit: "gl-sxd", text: "drawings", registered: -40 },
  { unit: DEMO_COMMUNE_KEY, text: "zalo", registered: -25 },
];

/** Last year's, as days of that year: registered in the autumn, decided by the emulation council in November. */
const LAST_YEAR: Array<
  Omit<Registration, "registered" | "decided" | "replicated" | "evidence"> & {
    registered: [month: number, day: number];
    decided: { on: [number, number]; action: "recognise" | "reject" };
    replicated?: { on: [number, number]; units: string[] };
  }
> = [
  {
    unit: DEMO_COMMUNE_KEY,
    text: "qrReceipt",
    registered: [9, 10],
    decided: { on: [11, 25], action: "recognise" },
  },
  {
    unit: "gl-snv",
    text: "parScoring",
    registered: [9, 12],
    decided: { on: [11, 20], action: "recognise" },
    replicated: { on: [11, 28], units: ["gl-stc", "gl-sxd"] },
  },
  { unit: "gl-p-an-nhon", text: "mailbox", registered: [9, 20], decided: { on: [11, 25], action: "reject" } },
  {
    unit: "gl-syt",
    text: "healthBooking",
    registered: [10, 1],
    decided: { on: [11, 26], action: "recognise" },
  },
  {
    unit: "gl-stc",
    text: "budgetDisclosure",
    registered: [10, 5],
    decided: { on: [11, 26], action: "recognise" },
  },
];

export async function seedDemoInitiatives(cast: FollowUpCast) {
  const { year, today } = cast.calendar;
  // This year's days never fall before 1 January (early in the year the story is compressed).
  const sinceNewYear = daysBetween(toIsoDate(year, 1, 1), today);
  const inThisYear = (offset: number) => Math.min(-1, Math.max(offset, -sinceNewYear));
  for (const r of THIS_YEAR)
    await register(cast, {
      ...r,
      year,
      registered: inThisYear(r.registered),
      decided: r.decided && { ...r.decided, day: inThisYear(r.decided.day) },
      replicated: r.replicated && { ...r.replicated, day: inThisYear(r.replicated.day) },
      evidence: r.evidence === undefined ? undefined : inThisYear(r.evidence),
    });
  const lastYear = (month: number, day: number) => daysBetween(today, toIsoDate(year - 1, month, day));
  for (const r of LAST_YEAR)
    await register(cast, {
      ...r,
      year: year - 1,
      registered: lastYear(...r.registered),
      decided: { action: r.decided.action, day: lastYear(...r.decided.on) },
      replicated: r.replicated && { units: r.replicated.units, day: lastYear(...r.replicated.on) },
    });
}

/** Who registers for a unit: its own writer, dieuphoi for her own Sở Nội vụ. */
const registrant = (cast: FollowUpCast, unitId: string): Actor =>
  unitId === cast.coordinator.unitId ? cast.coordinator : cast.actorOf(unitId);

async function register(cast: FollowUpCast, r: Registration & { year: number }) {
  const { db, coordinator } = cast;
  const unit = cast.unit(r.unit);
  const text: InitiativeText = INITIATIVES[r.text];
  const actor = registrant(cast, unit.id);
  const { id, version: first } = await cast.on(r.registered, 10, () =>
    registerInitiative({
      db,
      actor,
      input: initiativeCreateBody.parse({
        unitId: unit.id,
        year: r.year,
        title: text.title,
        problem: text.problem,
        solution: text.solution,
        field: text.field,
        versionCode: text.component?.[0] ?? null,
        componentCode: text.component?.[1] ?? null,
        expectedResult: text.expectedResult,
        // A result achieved is written by the units whose initiative is judged on it.
        actualResult: r.decided?.action === "recognise" ? (text.actualResult ?? "") : "",
      }),
    }),
  );
  let version = first;
  const decide = async (day: number, input: Record<string, unknown>) => {
    const after = await cast.on(day, 15, () =>
      decideInitiative({
        db,
        actor: coordinator,
        id,
        input: initiativeTransitionBody.parse({ ...input, version }),
      }),
    );
    version = after.version;
  };
  if (r.decided)
    await decide(r.decided.day, {
      action: r.decided.action,
      ...(r.decided.action === "reject" ? { reason: text.rejectReason } : {}),
    });
  if (r.replicated)
    await decide(r.replicated.day, {
      action: "replicate",
      unitIds: r.replicated.units.map((k) => cast.unit(k).id),
      fromDate: cast.day(r.replicated.day + 10),
    });
  if (r.evidence !== undefined && text.evidence) {
    const file = {
      fileName: text.evidence.fileName,
      data: await demoDocx(text.evidence.lines[0], text.evidence.lines.slice(1)),
    };
    await cast.on(r.evidence, 11, () => uploadInitiativeFile({ db, config: cast.config, actor, id, file }));
  }
}
