import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";
import { plans } from "../plans/plans.table";

/**
 * What a plan (or one of its tasks) asks its assigned units to report: how often, when it is due
 * (`dueRule`, see core/src/reporting/periods.ts), when it opens and locks, who receives it.
 */
export const reportingObligations = pgTable(
  "reporting_obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** Set: only this task's assigned units report. */
    taskId: uuid("task_id"),
    provinceId: uuid("province_id").notNull(),
    title: text("title").notNull(),
    frequency: text("frequency").notNull(),
    dueRule: jsonb("due_rule").notNull(),
    openOffsetDays: integer("open_offset_days").notNull().default(0),
    lockAfterDays: integer("lock_after_days"),
    receivingUnitId: uuid("receiving_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    requiresApproval: boolean("requires_approval").notNull().default(false),
    /** An ad hoc request's window and its own questions. */
    adHocStart: date("ad_hoc_start"),
    adHocDue: date("ad_hoc_due"),
    /** Typed questions (core/src/reporting/questions.ts); plain strings before migration 0020. */
    questions: jsonb("questions").notNull().default(sql`'[]'::jsonb`),
    /** The units asked and the tasks asked about (migration 0020); null: every assigned unit, every task. */
    unitIds: uuid("unit_ids").array(),
    taskIds: uuid("task_ids").array(),
    /** Reminder offsets in days relative to the due date (negative: before). */
    reminderOffsets: integer("reminder_offsets").array().notNull().default(sql`'{-7,-3,-1,0,1}'::integer[]`),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reporting_obligations_plan_idx").on(t.planId)],
);

/**
 * One unit's report for one period of one obligation. `version` grows on every write: a writer sends
 * the version it read and a stale one is refused, never silently overwritten. The unit's path and kind
 * and the period's days are copied so the dashboard reads one table.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => reportingObligations.id, { onDelete: "cascade" }),
    planId: uuid("plan_id").notNull(),
    provinceId: uuid("province_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: text("unit_path").notNull(),
    unitKind: text("unit_kind").notNull(),
    periodKey: text("period_key").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    opensOn: date("opens_on").notNull(),
    dueDate: date("due_date").notNull(),
    lockDate: date("lock_date"),
    state: text("state").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    lateAllowed: boolean("late_allowed").notNull().default(false),
    wasReturned: boolean("was_returned").notNull().default(false),
    returnReason: text("return_reason"),
    results: text("results").notNull().default(""),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    answers: jsonb("answers").notNull().default(sql`'{}'::jsonb`),
    /** The first time the report left the unit: what "on time" is judged from. */
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: uuid("approved_by"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reports_obligation_period_unit_key").on(t.obligationId, t.periodKey, t.unitId),
    index("reports_unit_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`, t.periodKey),
    index("reports_unit_state_due_idx").on(t.unitId, t.state, t.dueDate, t.id),
    index("reports_province_state_due_idx").on(t.provinceId, t.state, t.dueDate, t.id),
  ],
);

/**
 * One assigned task's part of a report: progress, the day it was finished, narrative, figures for its
 * targets. Its class (on time, late, overdue…) is not stored: core's `workStatus` derives it from
 * these facts and the period (migration 0015 dropped the column the unit used to pick it in).
 */
export const reportEntries = pgTable(
  "report_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    assignmentId: uuid("assignment_id").notNull(),
    taskId: uuid("task_id").notNull(),
    progress: integer("progress").notNull().default(0),
    narrative: text("narrative").notNull().default(""),
    /** [{ measure, value }] for the task's quantitative targets. */
    figures: jsonb("figures").notNull().default(sql`'[]'::jsonb`),
    completedAt: date("completed_at"),
    /** The entry of the previous period it was carried forward from. */
    carriedFromId: uuid("carried_from_id"),
    /**
     * This period's review by the unit: 'updated' (saved this period), 'unchanged' (confirmed as the
     * last period left it) or null (carried, nobody has looked at it). Set by the save statement.
     */
    reviewMark: text("review_mark").$type<"updated" | "unchanged">(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_entries_report_assignment_key").on(t.reportId, t.assignmentId),
    index("report_entries_task_idx").on(t.taskId),
    index("report_entries_assignment_idx").on(t.assignmentId),
  ],
);

/** A reviewer's or the unit's comment on a report, or on one task of it. */
export const reportComments = pgTable(
  "report_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    taskId: uuid("task_id"),
    authorId: uuid("author_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_comments_report_idx").on(t.reportId)],
);

/**
 * Evidence: a stored file (under DATA_DIR/files, named by `storageKey`, never by the user's name) or a
 * link. `size` counts against the unit's quota.
 */
export const reportEvidence = pgTable(
  "report_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id"),
    unitId: uuid("unit_id").notNull(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull().default(""),
    contentType: text("content_type").notNull().default(""),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    storageKey: text("storage_key"),
    url: text("url"),
    title: text("title").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_evidence_report_idx").on(t.reportId), index("report_evidence_unit_idx").on(t.unitId)],
);

/** A reminder to send once: the unique key makes a second run of the job a no-op. */
export const reportReminders = pgTable(
  "report_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => reportingObligations.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id").notNull(),
    periodKey: text("period_key").notNull(),
    offsetDays: integer("offset_days").notNull(),
    sendOn: date("send_on").notNull(),
    status: text("status").notNull().default("pending"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_reminders_once_key").on(t.obligationId, t.unitId, t.periodKey, t.offsetDays),
    index("report_reminders_due_idx").on(t.status, t.sendOn),
  ],
);

/** In-app notices for a unit (reminders, returns, acceptances). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id").notNull(),
    userId: uuid("user_id"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    reportId: uuid("report_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** E-mail of a review notice: 'pending', then 'sent' or 'expired' (migration 0011); null: not mailed. */
    mailState: text("mail_state"),
    /** The province's day a reminder notice was written for (migration 0012); null for other notices. */
    reminderDay: date("reminder_day"),
    /** The follow-up item a notice is about (migration 0023), so the bell opens it; null otherwise. */
    followUpItemId: uuid("follow_up_item_id"),
  },
  (t) => [
    index("notifications_unit_idx").on(t.unitId, t.createdAt),
    index("notifications_mail_pending_idx").on(t.createdAt).where(sql`${t.mailState} = 'pending'`),
    // One reminder notice of a kind per report and province day, whatever runs or processes write it.
    uniqueIndex("notifications_reminder_once_idx")
      .on(t.reportId, t.kind, t.reminderDay)
      .where(sql`${t.reminderDay} is not null`),
  ],
);
