/**
 * Every action and entity the server records has a name a person reads on the audit screen. The
 * types already refuse an unnamed literal; this also covers the actions taken from input (report
 * transitions, unit events, plan closing) and any literal written past the type.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planStatusBody } from "../../../../core/src/api/plans.schemas";
import { UNIT_EVENT_KINDS } from "../../../../core/src/auth/roles";
import { REPORT_ACTIONS } from "../../../../core/src/reporting/report-state";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../../core/src/words/audit";

const SRC = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("audit names", () => {
  it("names every action and entity literal the server writes", () => {
    const actions = new Set<string>();
    const entities = new Set<string>();
    for (const file of sources(SRC)) {
      const text = readFileSync(file, "utf8");
      if (!/writeAudit|auditInsertFrom|AuditAction/.test(text)) continue;
      for (const m of text.matchAll(/\baction:\s*(?:[^,}\n]*\?\s*)?"([\w.]+)"(?:\s*:\s*"([\w.]+)")?/g))
        for (const a of [m[1], m[2]]) if (a) actions.add(a);
      for (const m of text.matchAll(/\bentity:\s*"([\w.]+)"/g)) entities.add(m[1] as string);
    }
    // The scan must see the records it is meant to check.
    expect(actions).toContain("createChild");
    expect(actions).toContain("login.failed");
    expect(entities).toContain("reportEntry");
    for (const a of actions) expect(AUDIT_ACTIONS, a).toContain(a);
    for (const e of entities) expect(AUDIT_ENTITIES, e).toContain(e);
  });

  it("names the actions recorded from input", () => {
    const fromInput = [...REPORT_ACTIONS, ...UNIT_EVENT_KINDS, ...planStatusBody.shape.status.options];
    for (const a of fromInput) expect(AUDIT_ACTIONS, a).toContain(a);
  });
});
