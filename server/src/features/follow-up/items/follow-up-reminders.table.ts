import { date, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { followUpItems } from "../follow-up.table";

/**
 * A reminder of an item sent once (migration 0026): due soon and overdue to the responsible unit,
 * escalated to the follower. The key (item, kind, deadline) makes a second run, a restart or another
 * process a no-op, and a new deadline (a reopened item) reminds afresh.
 */
export const followUpReminders = pgTable(
  "follow_up_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => followUpItems.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("follow_up_reminders_once").on(t.itemId, t.kind, t.dueDate)],
);
