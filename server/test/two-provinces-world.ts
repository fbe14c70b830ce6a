import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { addDays } from "../../core/src/reporting/periods";
import { buildApp } from "../src/app/build-app";
import { provinceToday } from "../src/app/clock";
import { testConfig } from "../src/app/config";
import type { Database } from "../src/app/db";
import { createGroup } from "../src/features/org-units/org-groups.service";
import { createTestDatabase } from "./database";
import { buildActor } from "./factories";
import { addFollowUpItems } from "./follow-up-items-world";
import { buildReportingProvince } from "./reporting-world";

/** What province 2 is called, so that an answer naming any of its units or plans is caught. */
export const TAG = "Hai-Tỉnh-Khác";

/** The roles of province 1 that the matrices try (admins are national: they see every province). */
export const ROLES = ["coord", "coordA", "headSnv", "officerA", "headA", "viewer"] as const;

/**
 * Two provinces in one installation, each with reporting under way (`buildReportingProvince`) and a
 * group of units (`groups`); province 2 also has evidence, a comment, a submitted report and its
 * notices. `ids` holds province 2's ids by the path segment that names them (`*`: every one of them).
 */
export async function buildTwoProvinces() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-two-provinces-"));
  const database: Database = await createTestDatabase();
  const app: FastifyInstance = await buildApp({ database, config: testConfig({ dataDir }) });
  const p1 = await buildReportingProvince({ db: database.db, app, tag: "Một" });
  const p2 = await buildReportingProvince({ db: database.db, app, tag: TAG });
  const officer = await p2.as("officerA");
  const ev = await officer.upload(`/api/reports/${p2.reportA.id}/evidence`, {
    fileName: "bien-ban.pdf",
    data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n"),
  });
  if (ev.statusCode !== 201) throw new Error(ev.body);
  const comment = await (await p2.as("coord")).post(`/api/reports/${p2.reportA.id}/comments`, {
    body: "Góp ý",
  });
  if (comment.statusCode !== 201) throw new Error(comment.body);
  await officer.post(`/api/reports/${p2.reportA.id}/transitions`, {
    action: "submit",
    version: p2.reportA.version,
  });
  // Follow-up items in both provinces (a dialogue's recommendations), one with evidence in province 2.
  const followUp = {
    mine: await addFollowUpItems({
      db: database.db,
      provinceId: p1.province.id,
      follower: p1.units.snv,
      unit: p1.units.comA,
      tag: "Một",
    }),
    theirs: await addFollowUpItems({
      db: database.db,
      provinceId: p2.province.id,
      follower: p2.units.snv,
      unit: p2.units.comA,
      tag: TAG,
    }),
  };
  const itemFile = await officer.upload(`/api/follow-up/items/${followUp.theirs.open}/files`, {
    fileName: "ket-qua.pdf",
    data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n"),
  });
  if (itemFile.statusCode !== 201) throw new Error(itemFile.body);
  const groups = { mine: "", theirs: "" };
  for (const [p, key] of [
    [p1, "mine"],
    [p2, "theirs"],
  ] as const) {
    const admin = await buildActor(database.db, { unitId: p.province.id, roles: ["admin"] });
    const input = { ruleKinds: [], ruleParentId: null, ruleDescendants: false, memberIds: [p.units.comA.id] };
    groups[key] = (
      await createGroup({
        db: database.db,
        actor: admin,
        input: { name: `Nhóm xã ${key === "mine" ? "Một" : TAG}`, ...input },
      })
    ).id;
  }
  const dialogue = await dialogueOf(p2, database);
  // Province 2's inspections: a plan, commune A inspected with one finding (its remediation item) and minutes.
  const coord2 = await p2.as("coord");
  const year = Number(provinceToday().slice(0, 4));
  const inspectionPlan = await coord2.post("/api/follow-up/inspections/plans", {
    ownerUnitId: p2.units.snv.id,
    year,
    title: `Kế hoạch kiểm tra ${TAG}`,
  });
  if (inspectionPlan.statusCode !== 201) throw new Error(inspectionPlan.body);
  const inspectionPlanId: string = inspectionPlan.json().plan.id;
  const addedInspection = await coord2.post(
    `/api/follow-up/inspections/plans/${inspectionPlanId}/inspections`,
    {
      unitIds: [p2.units.comA.id],
      startsOn: `${year}-01-01`,
      endsOn: `${year}-01-01`,
    },
  );
  if (addedInspection.statusCode !== 200) throw new Error(addedInspection.body);
  const [inspection] = (await coord2.get(`/api/follow-up/inspections?planId=${inspectionPlanId}`)).json()
    .inspections;
  const recorded = await coord2.post(`/api/follow-up/inspections/${inspection.id}/record`, {
    version: inspection.version,
    heldOn: provinceToday(),
    findings: [{ content: `Tồn tại ${TAG}`, remediation: { dueDate: "2099-12-31" } }],
  });
  if (recorded.statusCode !== 200) throw new Error(recorded.body);
  const minutes = await coord2.upload(`/api/follow-up/inspections/${inspection.id}/files`, {
    fileName: "bien-ban-kiem-tra.pdf",
    data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n"),
  });
  if (minutes.statusCode !== 201) throw new Error(minutes.body);
  const q = async (text: string, params: unknown[]) =>
    (await database.query<{ id: string }>(text, params)).map((r) => r.id);
  const ids: Record<string, string[]> = {};
  // Inspection plans sit under ".../inspections/plans/:id": the segment "plans" tries them too.
  ids.plans = [p2.plan.id, inspectionPlanId];
  ids.inspections = [inspection.id];
  ids.findings = recorded.json().inspection.findings.map((f: { id: string }) => f.id);
  ids.files = [minutes.json().file.id];
  ids["follow-up-items"] = recorded
    .json()
    .inspection.findings.map((f: { remediation: { itemId: string } }) => f.remediation.itemId);
  ids.tasks = [p2.task.id];
  ids.assignments = await q("select id from task_assignments where plan_id = $1", [p2.plan.id]);
  ids.reports = [p2.reportA.id, p2.reportB.id];
  ids["report-entries"] = [...p2.reportA.entries, ...p2.reportB.entries].map((e) => e.id);
  ids.evidence = [ev.json().evidence.id];
  ids.comments = [comment.json().comment?.id].filter(Boolean);
  ids["reporting-obligations"] = [p2.obligationId];
  ids["org-groups"] = [groups.theirs];
  ids.items = [followUp.theirs.open, followUp.theirs.received];
  ids.files = [itemFile.json().file.id];
  ids.dialogues = [followUp.theirs.dialogueId];
  ids.units = Object.values(p2.units).map((u) => u.id);
  ids.users = Object.values(p2.users).map((u) => u.id);
  ids.notifications = await q("select id from notifications where unit_id = any($1::uuid[])", [
    Object.values(p2.units).map((u) => u.id),
  ]);
  ids.dialogues = [dialogue.id];
  ids.recommendations = [dialogue.itemId];
  ids.files = [...ids.files, dialogue.fileId];
  ids["*"] = [...new Set(Object.values(ids).flat())];
  return {
    database,
    app,
    p1,
    p2,
    ids,
    groups,
    followUp,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TwoProvinces = Awaited<ReturnType<typeof buildTwoProvinces>>;

/**
 * Province 2's dialogue, held a week ago, with its minutes and one recommendation whose accepted
 * answer is published. The answer is put in place in SQL: handling a recommendation is the items'
 * routes, not the dialogues'.
 */
async function dialogueOf(p: Awaited<ReturnType<typeof buildReportingProvince>>, database: Database) {
  const coord = await p.as("coord");
  const base = "/api/follow-up/dialogues";
  const created = await coord.post(base, {
    hostUnitId: p.province.id,
    heldOn: addDays(provinceToday(), -7),
    kind: "businesses",
    title: `Đối thoại doanh nghiệp ${TAG}`,
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id: string = created.json().dialogue.id;
  const recs = await coord.post(`${base}/${id}/recommendations`, {
    recommendations: [
      { content: `Kiến nghị ${TAG}`, raiserKind: "business", raiserName: TAG, unitId: p.units.comA.id },
    ],
  });
  if (recs.statusCode !== 201) throw new Error(recs.body);
  const itemId: string = recs.json().ids[0];
  await database.query(
    "update follow_up_items set state = 'accepted', answer = $2, reported_on = $3, done_on = $3 where id = $1",
    [itemId, `Trả lời ${TAG}`, provinceToday()],
  );
  const published = await coord.post(`${base}/${id}/recommendations/${itemId}/publication`, {
    published: true,
  });
  if (published.statusCode !== 200) throw new Error(published.body);
  const file = await coord.upload(`${base}/${id}/files`, {
    fileName: "bien-ban-doi-thoai.pdf",
    data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n"),
  });
  if (file.statusCode !== 201) throw new Error(file.body);
  return { id, itemId, fileId: file.json().file.id as string };
}
