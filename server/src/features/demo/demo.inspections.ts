/**
 * The demo's inspections: Sở Nội vụ's yearly plan of inspections of administrative reform (a plan per
 * calendar year the inspections fall in, so the story holds whatever today is), eleven units with
 * dates spread before and after today; the inspections held have their record and 2-4 findings each,
 * and each finding's remediation lives through the states it would have by today: open in time or
 * overdue, reported, returned, accepted on time or late, closed. The demo ward has an open and a
 * returned one for canbo. Every act through the services, on its day, by dieuphoi or the unit.
 */
import { sql } from "drizzle-orm";
import {
  inspectionCancelBody,
  inspectionPlanCreateBody,
  inspectionsAddBody,
  recordBody,
} from "../../../../core/src/api/follow-up-inspections.schemas";
import { addDays } from "../../../../core/src/reporting/periods";
import { formatDateVi } from "../../../../core/src/text/dates";
import { rowsOf } from "../../app/db";
import { createInspectionPlan } from "../follow-up/inspections/inspection-plans.service";
import { addInspections, cancelInspection } from "../follow-up/inspections/inspections.service";
import { uploadMinutes } from "../follow-up/inspections/minutes.service";
import { recordInspection } from "../follow-up/inspections/record.service";
import { demoPdf } from "./demo.evidence";
import { type FollowUpCast, type ItemStep, replayItem } from "./demo.follow-up.acts";
import { FOLLOW_UP_COMMENTS as SAY } from "./demo.follow-up.words";
import { FINDINGS, type FindingKey, INSPECTION_PLAN } from "./demo.inspections.texts";
import { DEMO_COMMUNE_KEY } from "./gia-lai.units";

interface Held {
  unit: string;
  /** The day it was held, days from today. */
  held: number;
  /** Whether the team attached the signed minutes (biên bản). */
  minutes?: boolean;
  /** Each finding, its remediation's deadline (days from today) and what happened to it since. */
  findings: Array<{ text: FindingKey; due: number; steps: ItemStep[] }>;
}

const report = (day: number, evidence = true): ItemStep => ({ act: "report", day, evidence });
const accept = (day: number): ItemStep => ({ act: "accept", day });
const back = (day: number): ItemStep => ({ act: "return", day });

/** The inspections held, oldest first, and the remediation of their findings as it stands today. */
const HELD: Held[] = [
  {
    unit: "gl-stc",
    held: -250,
    findings: [
      { text: "entry", due: -190, steps: [report(-200), accept(-196)] },
      {
        text: "digitisation",
        due: -160,
        steps: [{ act: "comment", day: -170, by: "follower", text: SAY.hurry }, report(-150), accept(-147)],
      },
      { text: "feedback", due: -200, steps: [{ act: "close", day: -205 }] },
    ],
  },
  {
    unit: "gl-p-an-nhon",
    held: -200,
    minutes: true,
    findings: [
      { text: "publicity", due: -150, steps: [report(-160), accept(-157)] },
      {
        text: "online",
        due: -120,
        steps: [{ act: "comment", day: -110, by: "responsible", text: SAY.waiting }],
      },
      { text: "apology", due: -140, steps: [report(-130), accept(-128)] },
    ],
  },
  {
    unit: "gl-snnmt",
    held: -160,
    findings: [
      { text: "land", due: -60, steps: [{ act: "comment", day: -50, by: "follower", text: SAY.progress }] },
      { text: "digitisation", due: -100, steps: [report(-105), accept(-101)] },
      { text: "process", due: 20, steps: [report(-10)] },
    ],
  },
  {
    unit: "gl-x-phu-cat",
    held: -120,
    findings: [
      {
        text: "publicity",
        due: -60,
        steps: [report(-75), back(-72), { act: "report", day: -66, again: true }, accept(-62)],
      },
      { text: "payment", due: 30, steps: [] },
      { text: "archive", due: -30, steps: [report(-25)] },
    ],
  },
  {
    unit: DEMO_COMMUNE_KEY,
    held: -75,
    minutes: true,
    findings: [
      { text: "publicity", due: -30, steps: [report(-40), accept(-36)] },
      {
        text: "digitisation",
        due: 15,
        steps: [
          report(-20),
          back(-16),
          { act: "comment", day: -14, by: "responsible", text: SAY.extracting },
        ],
      },
      { text: "online", due: 45, steps: [] },
      { text: "apology", due: -5, steps: [{ act: "comment", day: -3, by: "follower", text: SAY.hurry }] },
    ],
  },
  {
    unit: "gl-sxd",
    held: -45,
    findings: [
      { text: "permit", due: 30, steps: [report(-3)] },
      { text: "plan", due: -15, steps: [report(-20), accept(-18)] },
      { text: "satisfaction", due: 60, steps: [] },
    ],
  },
  {
    unit: "gl-p-pleiku",
    held: -20,
    findings: [
      { text: "publicity", due: 40, steps: [] },
      { text: "feedback", due: 25, steps: [report(-8), back(-5)] },
    ],
  },
];

/** Inspections still to come, and one cancelled before it took place. */
const PLANNED = [
  { unit: "gl-syt", starts: 7 },
  { unit: "gl-x-chu-se", starts: 35 },
  { unit: "gl-sgddt", starts: 75 },
];
const CANCELLED = { unit: "gl-x-ia-grai", starts: -30, cancelledOn: -40 };

const yearOf = (day: string) => Number(day.slice(0, 4));

export async function seedDemoInspections(cast: FollowUpCast) {
  const { db, coordinator } = cast;
  const schedule = [
    ...HELD.map((h) => ({ unit: h.unit, starts: h.held })),
    ...PLANNED,
    { unit: CANCELLED.unit, starts: CANCELLED.starts },
  ];
  // One plan per calendar year the inspections fall in, drawn up a month before its first one.
  const inspectionIds = new Map<string, { id: string; version: number }>();
  const years = [...new Set(schedule.map((s) => yearOf(cast.day(s.starts))))].sort();
  for (const year of years) {
    const ofYear = schedule.filter((s) => yearOf(cast.day(s.starts)) === year);
    const drawnUp = Math.min(Math.min(...ofYear.map((s) => s.starts)) - 30, -2);
    const planId = await cast.on(drawnUp, 9, () =>
      createInspectionPlan({
        db,
        actor: coordinator,
        input: inspectionPlanCreateBody.parse({
          year,
          title: INSPECTION_PLAN.title(year),
          number: INSPECTION_PLAN.number(year),
          scope: INSPECTION_PLAN.scope,
        }),
      }),
    );
    for (const s of ofYear) {
      const startsOn = cast.day(s.starts);
      const next = addDays(startsOn, 1);
      await cast.on(drawnUp, 10, () =>
        addInspections({
          db,
          actor: coordinator,
          planId,
          input: inspectionsAddBody.parse({
            unitIds: [cast.unit(s.unit).id],
            startsOn,
            endsOn: yearOf(next) === year ? next : startsOn,
            team: INSPECTION_PLAN.team,
            scope: INSPECTION_PLAN.scope,
          }),
        }),
      );
    }
    const rows = await db.execute(sql`select id, unit_id as "unitId", version from inspections
      where plan_id = ${planId}`);
    for (const r of rowsOf<{ id: string; unitId: string; version: number }>(rows))
      inspectionIds.set(r.unitId, { id: r.id, version: r.version });
  }
  const cancelled = inspectionIds.get(cast.unit(CANCELLED.unit).id)!;
  await cast.on(CANCELLED.cancelledOn, 14, () =>
    cancelInspection({
      db,
      actor: coordinator,
      id: cancelled.id,
      input: inspectionCancelBody.parse({ version: cancelled.version, reason: INSPECTION_PLAN.cancelReason }),
    }),
  );
  for (const h of HELD) await holdInspection(cast, h, inspectionIds.get(cast.unit(h.unit).id)!);
}

/** The record written two days after the inspection, its minutes, then each finding's remediation. */
async function holdInspection(cast: FollowUpCast, h: Held, inspection: { id: string; version: number }) {
  const { db, coordinator } = cast;
  const unit = cast.unit(h.unit);
  const recordedOn = Math.min(h.held + 2, -1);
  await cast.on(recordedOn, 16, () =>
    recordInspection({
      db,
      actor: coordinator,
      id: inspection.id,
      input: recordBody.parse({
        version: inspection.version,
        heldOn: cast.day(h.held),
        conclusion: INSPECTION_PLAN.conclusion(unit.name),
        findings: h.findings.map((f) => {
          const text = FINDINGS[f.text];
          return {
            content: text.content,
            severity: text.severity,
            versionCode: text.component[0],
            componentCode: text.component[1],
            remediation: { dueDate: cast.day(f.due), requiredResult: text.requiredResult },
          };
        }),
      }),
    }),
  );
  if (h.minutes)
    await cast.on(recordedOn, 17, () =>
      uploadMinutes({
        db,
        config: cast.config,
        actor: coordinator,
        id: inspection.id,
        file: {
          fileName: "Bien-ban-kiem-tra-CCHC.pdf",
          data: demoPdf([
            "BIEN BAN KIEM TRA CONG TAC CAI CACH HANH CHINH",
            `Ngay ${formatDateVi(cast.day(h.held))}`,
          ]),
        },
      }),
    );
  const items = await db.execute(sql`select i.id from follow_up_items i
    join inspection_findings f on f.id = i.finding_id where f.inspection_id = ${inspection.id}
    order by f.position`);
  for (const [index, { id }] of rowsOf<{ id: string }>(items).entries()) {
    const finding = h.findings[index];
    await replayItem({
      cast,
      id,
      unitId: unit.id,
      follower: coordinator,
      words: FINDINGS[finding.text],
      steps: finding.steps,
    });
  }
}
