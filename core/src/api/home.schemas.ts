/**
 * The home page: what the signed-in person has to do now, by role. Every figure comes from the
 * lists it links to (the same services answer both), so the home page never counts differently.
 */
import { z } from "zod";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { itemRow } from "./follow-up-items.schemas";
import { profilePoint } from "./indices.schemas";
import { myTaskItem } from "./plans.schemas";
import { reportSummary } from "./reporting.schemas";

/** A few of the reports of one kind, and how many there are in all. */
const reportShortList = z.object({ total: z.number(), reports: z.array(reportSummary) });

export const homeResponse = z.object({
  /** The province's today, the day everything here is judged on. */
  today: z.string(),
  reports: z.object({
    /** The unit's reports to write: drafts and returned ones (officer, head). */
    toWrite: reportShortList.nullable(),
    /** The unit's reports waiting for the head's approval (head). */
    toApprove: reportShortList.nullable(),
    /** Reports sent in the person's area, waiting for review (coordinator). */
    toReview: reportShortList.nullable(),
  }),
  /** The unit's work (its subtree's): counts by class, the overdue first, and what falls due soon. */
  tasks: z
    .object({
      counts: z.record(z.enum(ASSIGNMENT_STATUSES), z.number()),
      overdue: z.array(myTaskItem),
      dueSoon: z.object({ days: z.number(), total: z.number(), items: z.array(myTaskItem) }),
    })
    .nullable(),
  /**
   * The follow-up items waiting on the unit (its subtree's): a finding's remediation or a
   * recommendation, open or returned; counts as the items list counts them, the first by deadline.
   */
  followUp: z
    .object({
      counts: z.object({ awaiting: z.number(), overdue: z.number(), dueSoon: z.number() }),
      dueSoonDays: z.number(),
      items: z.array(itemRow),
    })
    .nullable(),
  /** The province's latest published result of each index. */
  indices: z.object({
    provinceCode: z.string().nullable(),
    latest: z.array(z.object({ indexCode: z.string(), indexName: z.string(), point: profilePoint })),
  }),
});
