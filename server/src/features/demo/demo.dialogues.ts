/**
 * The demo's dialogues: the province chairman's dialogue with businesses two months ago (recorded by
 * dieuphoi for the province, 82 participants, 14 recommendations on land, taxes, customs and online
 * procedures, some anonymous), each assigned to the department that answers it, or to the demo ward,
 * and handled since in every state: received, assigned, transferred with the reason, answered,
 * returned, accepted (on time or late), closed, four answers published; and the demo ward's dialogue
 * with its citizens (canbo records, answers; lanhdao approves and publishes).
 */
import {
  dialogueCreateBody,
  recommendationInput,
} from "../../../../core/src/api/follow-up-dialogues.schemas";
import type { Actor } from "../../app/actor";
import { uploadMinutes } from "../follow-up/dialogues/dialogues.files";
import { createDialogue } from "../follow-up/dialogues/dialogues.service";
import { addRecommendations, setPublication } from "../follow-up/dialogues/recommendations.service";
import {
  BUSINESS_DIALOGUE,
  RECOMMENDATIONS,
  type RecommendationKey,
  WARD_DIALOGUE,
} from "./demo.dialogues.texts";
import { demoPdf } from "./demo.evidence";
import { type FollowUpCast, type ItemStep, replayItem } from "./demo.follow-up.acts";
import { FOLLOW_UP_COMMENTS as SAY } from "./demo.follow-up.words";
import { DEMO_COMMUNE_KEY } from "./gia-lai.units";

interface Raised {
  text: RecommendationKey;
  /** The unit assigned at entry and the deadline (days from today); none: received, to be assigned. */
  unit?: string;
  due?: number;
  steps: ItemStep[];
  /** The day its accepted answer is made public. */
  published?: number;
}

const report = (day: number, evidence = false): ItemStep => ({ act: "report", day, evidence });
const accept = (day: number): ItemStep => ({ act: "accept", day });

const BUSINESS_HELD = -60;
const BUSINESS: Raised[] = [
  { text: "landPrice", unit: "gl-snnmt", due: -30, steps: [report(-40, true), accept(-37)], published: -35 },
  { text: "vatRefund", unit: "gl-thue", due: -30, steps: [report(-45), accept(-42)], published: -35 },
  { text: "customs", unit: "gl-hq", due: -30, steps: [report(-50), accept(-48)], published: -35 },
  { text: "portal", unit: "gl-skhcn", due: -30, steps: [report(-38, true), accept(-36)], published: -35 },
  {
    text: "investment",
    unit: "gl-stc",
    due: -40,
    steps: [{ act: "comment", day: -42, by: "follower", text: SAY.answerSoon }, report(-33), accept(-30)],
  },
  { text: "factoryPermit", unit: "gl-sxd", due: 10, steps: [report(-6)] },
  {
    text: "extraPapers",
    unit: "gl-vp",
    due: 15,
    steps: [{ act: "transfer", day: -50, unit: "gl-ttr", by: "responsible" }],
  },
  { text: "einvoice", unit: "gl-thue", due: 20, steps: [report(-15), { act: "return", day: -12 }] },
  {
    text: "roads",
    unit: "gl-sxd",
    due: -20,
    steps: [{ act: "comment", day: -10, by: "follower", text: SAY.answerSoon }],
  },
  { text: "wardLand", unit: DEMO_COMMUNE_KEY, due: 10, steps: [] },
  { text: "interest", steps: [] },
  { text: "westOffice", steps: [] },
  { text: "landRent", steps: [{ act: "assign", day: -50, unit: "gl-stc", due: 30 }] },
  { text: "tariff", steps: [{ act: "close", day: -45 }] },
];

const WARD_HELD = -40;
const WARD: Raised[] = [
  {
    text: "scheduleBoard",
    unit: DEMO_COMMUNE_KEY,
    due: -25,
    steps: [report(-30, true), accept(-28)],
    published: -27,
  },
  { text: "lighting", unit: DEMO_COMMUNE_KEY, due: -10, steps: [] },
  { text: "vneid", steps: [] },
];

export async function seedDemoDialogues(cast: FollowUpCast) {
  await holdDialogue(cast, {
    host: cast.unit("gl"),
    recorder: cast.coordinator,
    follower: cast.coordinator,
    held: BUSINESS_HELD,
    kind: "businesses",
    words: { ...BUSINESS_DIALOGUE, title: BUSINESS_DIALOGUE.title(cast.calendar.year) },
    minutesFile: BUSINESS_DIALOGUE.minutesFile,
    raised: BUSINESS,
  });
  await holdDialogue(cast, {
    host: cast.ward,
    recorder: cast.officer,
    follower: cast.head,
    held: WARD_HELD,
    kind: "citizens",
    words: { ...WARD_DIALOGUE, title: WARD_DIALOGUE.title(cast.ward.name) },
    raised: WARD,
  });
}

/**
 * Recorded ahead ten days before it is held; the recommendations entered the day after, with the
 * minutes; then each one's handling, and the publication of accepted answers.
 */
async function holdDialogue(
  cast: FollowUpCast,
  d: {
    host: { id: string };
    recorder: Actor;
    follower: Actor;
    held: number;
    kind: "businesses" | "citizens";
    words: { title: string; chair: string; participantCount: number; participants: string; minutes: string };
    minutesFile?: { fileName: string; lines: string[] };
    raised: Raised[];
  },
) {
  const { db } = cast;
  const dialogueId = await cast.on(d.held - 10, 9, () =>
    createDialogue({
      db,
      actor: d.recorder,
      input: dialogueCreateBody.parse({
        hostUnitId: d.host.id,
        heldOn: cast.day(d.held),
        kind: d.kind,
        title: d.words.title,
        chair: d.words.chair,
        participantCount: d.words.participantCount,
        participants: d.words.participants,
        minutes: d.words.minutes,
      }),
    }),
  );
  const file = d.minutesFile;
  if (file)
    await cast.on(d.held + 1, 9, () =>
      uploadMinutes({
        db,
        config: cast.config,
        actor: d.recorder,
        id: dialogueId,
        file: { fileName: file.fileName, data: demoPdf(file.lines) },
      }),
    );
  const ids = await cast.on(d.held + 1, 10, () =>
    addRecommendations({
      db,
      actor: d.recorder,
      id: dialogueId,
      inputs: d.raised.map((r) => {
        const text = RECOMMENDATIONS[r.text];
        return recommendationInput.parse({
          content: text.content,
          raiserKind: text.raiserKind,
          raiserName: text.raiserName,
          anonymous: "anonymous" in text ? text.anonymous : false,
          field: text.field,
          component: text.component && { versionCode: text.component[0], componentCode: text.component[1] },
          unitId: r.unit ? cast.unit(r.unit).id : null,
          dueDate: r.due === undefined ? null : cast.day(r.due),
        });
      }),
    }),
  );
  for (const [index, r] of d.raised.entries()) {
    await replayItem({
      cast,
      id: ids[index],
      unitId: r.unit ? cast.unit(r.unit).id : null,
      follower: d.follower,
      words: RECOMMENDATIONS[r.text],
      steps: r.steps,
    });
    if (r.published !== undefined) {
      const day = r.published;
      await cast.on(day, 16, () =>
        setPublication({ db, actor: d.follower, id: dialogueId, itemId: ids[index], published: true }),
      );
    }
  }
}
