/**
 * Every field an audit record can carry is read in words: each column of the tables whose rows are
 * recorded, and the fields of the acts recorded as summaries, is named in core/src/words/audit-fields.ts
 * or hidden as technical. A new column with neither fails here, before its code reaches the audit panel.
 */
import { getTableColumns, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  AUDIT_FIELD_NAMES,
  auditFieldName,
  auditValueWords,
  isAuditFieldShown,
} from "../../../../core/src/words/audit-fields";
import { findCodes } from "../../../../core/src/words/code-patterns";
import { indexDefinitions, indexResults, indexTargets, indexVersions } from "../indices/indices.table";
import { orgGroups, orgUnitEvents, orgUnits } from "../org-units/org-units.table";
import { plans, planTasks, taskAssignments } from "../plans/plans.table";
import {
  reportComments,
  reportEntries,
  reportEvidence,
  reportingObligations,
  reports,
} from "../reporting/reporting.table";
import { users } from "../users/users.table";

const AUDITED_TABLES: Table[] = [
  indexDefinitions,
  indexVersions,
  indexResults,
  indexTargets,
  orgUnits,
  orgUnitEvents,
  orgGroups,
  plans,
  planTasks,
  taskAssignments,
  reportingObligations,
  reports,
  reportEntries,
  reportComments,
  reportEvidence,
  users,
];
/** Fields of the acts recorded as summaries rather than rows (demo seeding, plan acts, imports). */
const SUMMARY_FIELDS = [
  "day",
  "events",
  "groups",
  "statements",
  "units",
  "users",
  "provinces",
  "assignments",
  "participants",
  "tasks",
  "reason",
  "entriesCreated",
  "reportsCreated",
  "answers",
  // A report's state change (whom it told) and one answer to a request's question.
  "notified",
  "question",
  "value",
];

describe("audit fields in words", () => {
  it("names or hides every column of the audited tables and every summary field", () => {
    const keys = new Set([
      ...AUDITED_TABLES.flatMap((t) => Object.keys(getTableColumns(t))),
      ...SUMMARY_FIELDS,
    ]);
    const unnamed = [...keys].filter((k) => isAuditFieldShown(k) && !(k in AUDIT_FIELD_NAMES));
    expect(unnamed).toEqual([]);
  });

  it("hides identifiers, hashes and running sums; names nested values by field and position", () => {
    for (const hidden of [
      "id",
      "unitId",
      "taskIds",
      "passwordHash",
      "searchText",
      "openProgressSum",
      "storageKey",
    ])
      expect(isAuditFieldShown(hidden), hidden).toBe(false);
    expect(auditFieldName("narrative")).toBe("Kết quả thực hiện");
    expect(auditFieldName("narrative", "en")).toBe("Results");
    expect(auditFieldName("questions.0.title")).toBe("Câu hỏi, mục 1, tiêu đề");
    expect(auditFieldName("somethingNew")).toBe("Thông tin khác");
  });

  it("puts coded values in words", () => {
    expect(auditValueWords("state", "pendingApproval")).toBe("Chờ lãnh đạo duyệt");
    expect(auditValueWords("roles", ["officer", "head"])).toEqual(["Cán bộ thực hiện", "Lãnh đạo đơn vị"]);
    expect(auditValueWords("role", "lead", "en")).toBe("Lead");
    expect(auditValueWords("frequency", "monthly")).toBe("Hằng tháng");
    expect(auditValueWords("active", false)).toBe("Không");
    expect(auditValueWords("questions.0.type", "yesNo")).toBe("Có/Không");
    expect(auditValueWords("narrative", "pendingApproval")).toBe("pendingApproval");
    // The names themselves carry no code.
    expect(
      findCodes(
        Object.values(AUDIT_FIELD_NAMES)
          .map((n) => n.vi)
          .join(" · "),
      ),
    ).toEqual([]);
  });
});
