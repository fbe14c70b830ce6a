/** Index definitions and versions: read by everyone, edited by administrators. */
import type { z } from "zod";
import type { IndexVersionInput, indexDefinitionCreateBody } from "../../../../core/src/api/indices.schemas";
import type { Actor } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { forgetIndexNames } from "./indices.analysis.service";
import { ensureProvinceDdci } from "./indices.ddci";
import {
  canEditCustomIndex,
  canEditCustomIndices,
  canEditDefinitions,
  canManageResults,
  canSeeDefinition,
} from "./indices.policy";
import { createIndicesRepository, type VersionRow } from "./indices.repository";
import { forgetCatalog, loadVersion } from "./indices.versions";

export function summary(v: VersionRow, componentCount: number, hasResults: boolean) {
  return {
    code: v.code,
    indexCode: v.indexCode,
    validFromYear: v.validFromYear,
    validToYear: v.validToYear,
    scaleMax: v.scaleMax,
    totalRule: {
      aggregation: v.totalAggregation as "weightedMean",
      multiplier: v.totalMultiplier,
      description: v.totalDescription,
    },
    revision: v.revision,
    basedOn: v.basedOn,
    componentCount,
    hasResults,
    status: v.status as "draft" | "published",
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Every index the user may see: the national ones and their own province's (its DDCI is put in the
 * catalogue the first time someone of the province lists it). `onlyCustom`: the province's own.
 */
export async function listDefinitions({
  db,
  actor,
  onlyCustom = false,
}: {
  db: Db;
  actor: Actor;
  onlyCustom?: boolean;
}) {
  if (actor.provinceId) await ensureProvinceDdci({ db, provinceUnitId: actor.provinceId });
  const repo = createIndicesRepository(db);
  const [defs, versions, counts, withResults, years] = await Promise.all([
    repo.listDefinitions(),
    repo.listVersions(),
    repo.componentCounts(),
    repo.versionsWithResults(),
    repo.yearsWithResults(),
  ]);
  const n = new Map(counts.map((c) => [c.versionCode, Number(c.n)]));
  return {
    indices: defs
      .filter((d) => canSeeDefinition(actor, d) && (!onlyCustom || d.custom))
      .map((d) => ({
        code: d.code,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        publisher: d.publisher,
        custom: d.custom,
        subjects: d.subjects as "provinces" | "units",
        editable: canEditCustomIndex(actor, d),
        versions: versions
          .filter((v) => v.indexCode === d.code)
          .map((v) => summary(v, n.get(v.code) ?? 0, withResults.has(v.code))),
        years: years
          .filter((y) => y.indexCode === d.code)
          .map((y) => ({ year: y.year, provinces: Number(y.n) })),
      })),
    can: {
      editDefinitions: canEditDefinitions(actor),
      manageResults: canManageResults(actor),
      editCustom: canEditCustomIndices(actor),
    },
  };
}

const versionNotFound = () => notFound("indexVersion.notFound", "Không tìm thấy phiên bản phương pháp tính.");

/** A version with its components; another province's own index is not found (404). */
export async function getVersion({ db, actor, code }: { db: DbOrTx; actor: Actor | null; code: string }) {
  const repo = createIndicesRepository(db);
  const [row, components, hasResults] = await Promise.all([
    repo.findVersion(code),
    repo.componentsOf(code),
    repo.versionHasResults(code),
  ]);
  if (!row) throw versionNotFound();
  if (actor) {
    const def = await repo.findDefinition(row.indexCode);
    if (!def || !canSeeDefinition(actor, def)) throw versionNotFound();
  }
  const v = await loadVersion(db, code);
  return {
    ...summary(row, components.length, hasResults),
    components:
      v?.components.map((c) => ({ ...c, aliases: [...c.aliases], subjectKind: c.subjectKind ?? null })) ?? [],
  };
}

/** A tree whose codes are unique, whose parents exist and whose ranges make sense. */
export function checkTree(input: IndexVersionInput) {
  const codes = new Set<string>();
  for (const c of input.components) {
    if (codes.has(c.code)) throw badRequest("indexVersion.duplicate", `Mã thành phần “${c.code}” bị lặp.`);
    codes.add(c.code);
    if (!(c.min < c.max))
      throw badRequest(
        "indexVersion.range",
        `“${c.nameVi}”: giá trị nhỏ nhất phải nhỏ hơn giá trị lớn nhất.`,
      );
  }
  const parent = new Map(input.components.map((c) => [c.code, c.parentCode]));
  for (const c of input.components) {
    if (c.parentCode !== null && !codes.has(c.parentCode))
      throw badRequest("indexVersion.parent", `“${c.nameVi}”: không có thành phần cha “${c.parentCode}”.`);
    let p = c.parentCode;
    for (let depth = 0; p !== null; depth++) {
      if (p === c.code || depth > input.components.length)
        throw badRequest("indexVersion.cycle", `“${c.nameVi}” nằm trong một vòng lặp cha – con.`);
      p = parent.get(p) ?? null;
    }
  }
  if (input.validToYear !== null && input.validToYear < input.validFromYear)
    throw badRequest("indexVersion.validity", "Năm kết thúc hiệu lực phải sau năm bắt đầu.");
}

export const componentRows = (versionCode: string, input: IndexVersionInput) =>
  input.components.map((c, i) => ({ versionCode, ...c, sortOrder: i }));

export const versionValues = (input: IndexVersionInput) => ({
  validFromYear: input.validFromYear,
  validToYear: input.validToYear,
  scaleMax: input.scaleMax,
  totalAggregation: input.totalRule.aggregation,
  totalMultiplier: input.totalRule.multiplier,
  totalDescription: input.totalRule.description,
});

export async function freeCode(db: DbOrTx, base: string) {
  const repo = createIndicesRepository(db);
  if (!(await repo.findVersion(base))) return base;
  for (let n = 2; n < 1000; n++) if (!(await repo.findVersion(`${base}.r${n}`))) return `${base}.r${n}`;
  throw conflict("indexVersion.code", "Không tạo được mã phiên bản mới.");
}

/** Creates a custom index (a province's DDCI) with its first version. */
export async function createDefinition({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof indexDefinitionCreateBody>;
}) {
  if (!canEditDefinitions(actor)) throw forbidden();
  checkTree(input.version);
  const repo = createIndicesRepository(db);
  if (await repo.findDefinition(input.code))
    throw conflict("indexDefinition.exists", `Đã có chỉ số mã “${input.code}”.`);
  const code = await db.transaction(async (tx) => {
    const r = createIndicesRepository(tx);
    const [def] = await r.insertDefinition({
      code: input.code,
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      publisher: input.publisher,
      custom: true,
      ownerUnitId: actor.provinceId,
      sortOrder: 100,
    });
    const versionCode = await freeCode(tx, `${input.code}-${input.version.validFromYear}`);
    const version = await r.insertVersion({
      code: versionCode,
      indexCode: def.code,
      status: "draft",
      ...versionValues(input.version),
    });
    await r.replaceComponents(versionCode, componentRows(versionCode, input.version));
    await writeAudit({
      tx,
      actor,
      record: { entity: "indexDefinition", entityId: def.code, action: "create", after: { ...def, version } },
    });
    return versionCode;
  });
  forgetCatalog(db);
  forgetIndexNames(db);
  return { version: await getVersion({ db, actor, code }), created: true };
}

/** The national catalogue's editing is for national indices: a province's own index has its own screen. */
const customElsewhere = () =>
  badRequest(
    "indexDefinition.custom",
    "Chỉ số của tỉnh được soạn và công bố ở màn hình “Chỉ số của tỉnh”, không sửa ở đây.",
  );

/**
 * Inserts a version with its components under a free code (`INDEX-YEAR`, or `.rN` when taken) and
 * audits it; `extra`: a draft's status, a revision number. Returns the code.
 */
export async function insertNewVersion({
  tx,
  actor,
  indexCode,
  input,
  extra = {},
}: {
  tx: DbOrTx;
  actor: Actor;
  indexCode: string;
  input: IndexVersionInput;
  extra?: { status?: "draft" | "published"; revision?: number };
}) {
  const r = createIndicesRepository(tx);
  const versionCode = await freeCode(tx, `${indexCode}-${input.validFromYear}`);
  const version = await r.insertVersion({ code: versionCode, indexCode, ...extra, ...versionValues(input) });
  await r.replaceComponents(versionCode, componentRows(versionCode, input));
  await writeAudit({
    tx,
    actor,
    record: {
      entity: "indexVersion",
      entityId: versionCode,
      action: "create",
      after: { ...version, components: input.components.length },
    },
  });
  return versionCode;
}

/** The next revision number of an index: a new version or revision wins over the ones before it. */
export const nextRevision = async (tx: DbOrTx, indexCode: string) =>
  Math.max(
    0,
    ...(await createIndicesRepository(tx).listVersions())
      .filter((v) => v.indexCode === indexCode)
      .map((v) => v.revision),
  ) + 1;

/** Adds a version (a new methodology from some year) to an index. */
export async function createVersion({
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
  if (!canEditDefinitions(actor)) throw forbidden();
  const def = await createIndicesRepository(db).findDefinition(indexCode);
  if (!def || !canSeeDefinition(actor, def))
    throw notFound("indexDefinition.notFound", "Không tìm thấy chỉ số.");
  if (def.custom) throw customElsewhere();
  checkTree(input);
  const code = await db.transaction((tx) => insertNewVersion({ tx, actor, indexCode, input }));
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code }), created: true };
}

/**
 * Edits a version. One that already has results is never changed in place: the edit becomes a new
 * revision (it wins for the years it covers), and the stored results keep the version they were read with.
 */
export async function updateVersion({
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
  if (!canEditDefinitions(actor)) throw forbidden();
  const before = await getVersion({ db, actor, code });
  if ((await createIndicesRepository(db).findDefinition(before.indexCode))?.custom) throw customElsewhere();
  checkTree(input);
  const newCode = await db.transaction(async (tx) => {
    const r = createIndicesRepository(tx);
    if (!before.hasResults) {
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
      return code;
    }
    const revision = await nextRevision(tx, before.indexCode);
    const base = code.replace(/\.r\d+$/, "");
    const versionCode = await freeCode(tx, `${base}.r${revision}`);
    await r.insertVersion({
      code: versionCode,
      indexCode: before.indexCode,
      revision,
      basedOn: code,
      ...versionValues(input),
    });
    await r.replaceComponents(versionCode, componentRows(versionCode, input));
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexVersion",
        entityId: versionCode,
        action: "revise",
        before: { code },
        after: { ...input, components: input.components.length },
      },
    });
    return versionCode;
  });
  forgetCatalog(db);
  return { version: await getVersion({ db, actor, code: newCode }), created: newCode !== code };
}
