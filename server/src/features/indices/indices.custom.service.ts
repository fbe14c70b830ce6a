/**
 * A province's own indices (its DDCI): drafts are written and rewritten, then published; a published
 * version is never edited: revising it makes a new draft from it (a higher revision, which wins for
 * its years once published). National indices (PCI, PAPI, PAR INDEX, SIPAS, PGI, 766) are the
 * publishers' and are refused here. Another province's index does not exist for the caller (404).
 */

import type { IndexVersionInput } from "../../../../core/src/api/indices.schemas";
import { weightProblems } from "../../../../core/src/indices/custom/weights";
import type { Actor } from "../../app/actor";
import { now } from "../../app/clock";
import type { Db } from "../../app/db";
import { badRequest, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import {
  checkTree,
  componentRows,
  freeCode,
  getVersion,
  insertNewVersion,
  listDefinitions,
  nextRevision,
  versionValues,
} from "./indices.definitions.service";
import { canEditCustomIndex, canSeeDefinition } from "./indices.policy";
import { createIndicesRepository, type VersionRow } from "./indices.repository";
import { forgetCatalog } from "./indices.versions";

type DefinitionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createIndicesRepository>["findDefinition"]>>
>;

const indexNotFound = () => notFound("indexDefinition.notFound", "Không tìm thấy chỉ số.");
const versionNotFound = () => notFound("indexVersion.notFound", "Không tìm thấy phiên bản phương pháp tính.");

/** Throws 404 when one of the indices named is another province's own. */
export async function assertIndexVisible({ db, actor, codes }: { db: Db; actor: Actor; codes: string[] }) {
  const repo = createIndicesRepository(db);
  for (const code of new Set(codes)) {
    const def = await repo.findDefinition(code);
    if (def && !canSeeDefinition(actor, def)) throw indexNotFound();
  }
}

/** The index, if the actor may write it: unseen → 404, national → 403 saying why, no role → 403. */
function writable(actor: Actor, def: DefinitionRow | null): DefinitionRow {
  if (!def || !canSeeDefinition(actor, def)) throw indexNotFound();
  if (!def.custom)
    throw forbidden(
      "indexDefinition.national",
      `${def.nameVi} là chỉ số quốc gia do cơ quan công bố quy định phương pháp: không soạn hay sửa ở đây.`,
    );
  if (!canEditCustomIndex(actor, def)) throw forbidden();
  return def;
}

async function writableVersion(db: Db, actor: Actor, code: string) {
  const repo = createIndicesRepository(db);
  const version = await repo.findVersion(code);
  if (!version) throw versionNotFound();
  const def = await repo.findDefinition(version.indexCode);
  if (!def || !canSeeDefinition(actor, def)) throw versionNotFound();
  return { version, def: writable(actor, def) };
}

/** Structure and weights: the same checks on every save and again on publishing. */
function check(def: DefinitionRow, input: IndexVersionInput) {
  checkTree(input);
  const problems = weightProblems({
    totalAggregation: input.totalRule.aggregation,
    subjectsAreUnits: def.subjects === "units",
    components: input.components,
  });
  if (problems.length) throw badRequest("indexVersion.weights", problems.join(" "), { problems });
}

/** The province's own indices, with their versions (drafts included). */
export async function listCustom({ db, actor }: { db: Db; actor: Actor }) {
  return listDefinitions({ db, actor, onlyCustom: true });
}

/** A new draft version of a province's index, from the content given. */
export async function createDraft({
  db,
  actor,
  indexCode,
  input,
}: {
  db: Db;
  actor: Actor;
  indexCode: string;
  input: IndexVersionInput;
}) {
  const def = writable(actor, await createIndicesRepository(db).findDefinition(indexCode));
  check(def, input);
  const code = await db.transaction(async (tx) =>
    insertNewVersion({
      tx,
      actor,
      indexCode,
      input,
      extra: { status: "draft", revision: await nextRevision(tx, indexCode) },
    }),
  );
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code }), created: true };
}

const publishedRefusal = () =>
  badRequest(
    "indexVersion.published",
    "Phiên bản đã công bố không sửa được; hãy tạo bản sửa đổi từ phiên bản này.",
  );

/** Rewrites a draft in place; a published version is refused (400). */
export async function updateDraft({
  db,
  actor,
  code,
  input,
}: {
  db: Db;
  actor: Actor;
  code: string;
  input: IndexVersionInput;
}) {
  const { version, def } = await writableVersion(db, actor, code);
  if (version.status !== "draft") throw publishedRefusal();
  check(def, input);
  const before = await getVersion({ db, actor, code });
  await db.transaction(async (tx) => {
    const r = createIndicesRepository(tx);
    await r.updateVersion(code, versionValues(input));
    await r.replaceComponents(code, componentRows(code, input));
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexVersion",
        entityId: code,
        action: "update",
        before: { ...before, components: before.components.length },
        after: { ...input, components: input.components.length },
      },
    });
  });
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code }), created: false };
}

/** A new draft copied from a version (published or not): the way to change a published method. */
export async function reviseVersion({ db, actor, code }: { db: Db; actor: Actor; code: string }) {
  const { version } = await writableVersion(db, actor, code);
  const source = await getVersion({ db, actor, code });
  const newCode = await db.transaction(async (tx) => {
    const r = createIndicesRepository(tx);
    const revision = await nextRevision(tx, version.indexCode);
    const versionCode = await freeCode(tx, `${code.replace(/\.r\d+$/, "")}.r${revision}`);
    await r.insertVersion({
      code: versionCode,
      indexCode: version.indexCode,
      status: "draft",
      revision,
      basedOn: code,
      validFromYear: version.validFromYear,
      validToYear: version.validToYear,
      scaleMax: version.scaleMax,
      totalAggregation: version.totalAggregation,
      totalMultiplier: version.totalMultiplier,
      totalDescription: version.totalDescription,
    });
    await r.replaceComponents(
      versionCode,
      source.components.map((c, i) => ({ ...c, versionCode, sortOrder: i })),
    );
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexVersion",
        entityId: versionCode,
        action: "revise",
        before: { code },
        after: { code: versionCode, components: source.components.length },
      },
    });
    return versionCode;
  });
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code: newCode }), created: true };
}

/** Publishes a draft after checking it once more; from then on it is a fact and is never edited. */
export async function publishVersion({ db, actor, code }: { db: Db; actor: Actor; code: string }) {
  const { version, def } = await writableVersion(db, actor, code);
  if (version.status !== "draft")
    throw badRequest("indexVersion.alreadyPublished", "Phiên bản này đã được công bố.");
  const current = await getVersion({ db, actor, code });
  check(def, {
    validFromYear: current.validFromYear,
    validToYear: current.validToYear,
    scaleMax: current.scaleMax,
    totalRule: current.totalRule,
    components: current.components,
  });
  await db.transaction(async (tx) => {
    const r = createIndicesRepository(tx);
    const published: Partial<VersionRow> = {
      status: "published",
      publishedAt: now(),
      publishedBy: actor.userId,
    };
    await r.updateVersion(code, published);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexVersion",
        entityId: code,
        action: "publish",
        before: { status: "draft" },
        after: { status: "published" },
      },
    });
  });
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code }), created: false };
}
