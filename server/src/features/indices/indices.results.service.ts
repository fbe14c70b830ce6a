import type { z } from "zod";
import type { resultManualBody } from "../../../../core/src/api/indices.schemas";
import { computeTotal } from "../../../../core/src/indices/arithmetic/composite";
import { competitionRanks, quartileTiers } from "../../../../core/src/indices/arithmetic/ranking";
import { isIndexCode, versionByCode } from "../../../../core/src/indices/definitions/catalog";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import type { Actor, AuditActor } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { type IndexResult, type ReadOutcome, readIndexResults } from "./import";
import { formatVi } from "./import/numbers";
import { forgetResultReads } from "./indices.analysis.service";
import { ensureIndexCatalog } from "./indices.catalog";
import { canManageResults } from "./indices.policy";
import { presentResult } from "./indices.presenter";
import { createIndicesRepository } from "./indices.repository";
import { listProvincesCached, versionForYear } from "./indices.versions";

type ManualInput = z.infer<typeof resultManualBody>;

/** Indices whose publisher tiers provinces by quartile (PAPI): the tier is derived where not published. */
const QUARTILE_TIERED = new Set(["PAPI"]);

/**
 * Derived figures of an index-year, recomputed after every write: the rank of each province among
 * those with a score (ties share the better rank, on the printed 2 decimals), the quartile tier,
 * and each component's rank (polarity-aware). Published figures are never touched.
 */
export async function refreshDerived({
  tx,
  indexCode,
  year,
  components = true,
}: {
  tx: DbOrTx;
  indexCode: string;
  year: number;
  /** False when the caller already wrote the component ranks (a whole index-year import). */
  components?: boolean;
}) {
  forgetResultReads();
  const repo = createIndicesRepository(tx);
  const rows = await repo.resultsOfYear({ indexCode, year });
  const scored = rows
    .map((r) => ({ key: r.id, value: r.total ?? r.computedTotal }))
    .filter((s): s is { key: string; value: number } => s.value !== null);
  const ranks = new Map(competitionRanks(scored, { decimals: 2 }).map((r) => [r.key, r.rank]));
  const tiers = QUARTILE_TIERED.has(indexCode)
    ? new Map(quartileTiers(scored).map((t) => [t.key, t.label]))
    : new Map<string, string>();
  await repo.writeComputed(
    rows.map((r) => ({
      id: r.id,
      rank: ranks.get(r.id) ?? null,
      rankOf: scored.length,
      band: tiers.get(r.id) ?? null,
    })),
  );
  if (components) await repo.rankComponents({ indexCode, year });
}

/** Component ranks of a whole index-year, computed before inserting (one pass, no UPDATE afterwards). */
function componentRanks(result: IndexResult) {
  const polarity = new Map(versionByCode(result.version)?.components.map((c) => [c.code, c.polarity]) ?? []);
  const byCode = new Map<string, Array<{ key: string; value: number }>>();
  for (const p of result.provinces) {
    if (!p.provinceCode) continue;
    for (const c of p.components) {
      const list = byCode.get(c.code) ?? [];
      list.push({ key: p.provinceCode, value: c.value });
      byCode.set(c.code, list);
    }
  }
  const ranks = new Map<string, number>();
  for (const [code, entries] of byCode)
    for (const r of competitionRanks(entries, { decimals: 4, polarity: polarity.get(code) }))
      ranks.set(`${r.key}|${code}`, r.rank);
  return ranks;
}

const key = (r: { index: string; year: number }) => `${r.index}|${r.year}`;

/** Stores read results in the caller's transaction, replacing each index-year; audited. */
export async function storeIndexResults({
  tx,
  actor,
  results,
  fileName,
}: {
  tx: DbOrTx;
  actor: AuditActor;
  results: IndexResult[];
  fileName: string;
}) {
  const repo = createIndicesRepository(tx);
  const stored: Array<{ index: string; year: number; provinces: number; replaced: number }> = [];
  const existing = await repo.countByIndexYear(results.map((r) => ({ indexCode: r.index, year: r.year })));
  for (const result of results) {
    const replaced = existing.get(key(result)) ?? 0;
    if (replaced > 0) await repo.deleteIndexYear({ indexCode: result.index, year: result.year });
    const provinces = result.provinces.filter((p) => p.provinceCode !== null);
    const ids = await repo.insertResults(
      provinces.map((p) => ({
        indexCode: result.index,
        year: result.year,
        provinceCode: p.provinceCode as string,
        versionCode: result.version,
        total: p.publishedTotal,
        rank: p.publishedRank,
        rankOf: p.publishedRank === null ? null : provinces.filter((x) => x.publishedRank !== null).length,
        band: p.publishedBand,
        computedTotal: p.computedTotal,
        sourceDocument: fileName,
        sourceNote: `Nhập từ tệp ${fileName}`,
      })),
    );
    const idOf = new Map(ids.map((r) => [r.provinceCode, r.id]));
    const ranks = componentRanks(result);
    await repo.insertResultComponents(
      provinces.flatMap((p) =>
        p.components.map((c) => ({
          resultId: idOf.get(p.provinceCode as string) as string,
          componentCode: c.code,
          value: c.value,
          computedRank: ranks.get(`${p.provinceCode}|${c.code}`) ?? null,
        })),
      ),
    );
    await refreshDerived({ tx, indexCode: result.index, year: result.year, components: false });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexResults",
        entityId: `${result.index}:${result.year}`,
        action: replaced > 0 ? "replace" : "import",
        before: replaced > 0 ? { provinces: replaced } : null,
        after: { fileName, version: result.version, provinces: provinces.length },
      },
    });
    stored.push({ index: result.index, year: result.year, provinces: provinces.length, replaced });
  }
  return stored;
}

export const errorCountOf = (outcome: ReadOutcome) =>
  outcome.errors.length + outcome.results.reduce((n, r) => n + r.errors.length, 0);

/** What the upload would do: the reader's output plus matching counts and what would be replaced. */
export async function previewOf({
  db,
  outcome,
  fileName,
}: {
  db: DbOrTx;
  outcome: ReadOutcome;
  fileName: string;
}) {
  const existing = await createIndicesRepository(db).countByIndexYear(
    outcome.results.map((r) => ({ indexCode: r.index, year: r.year })),
  );
  return {
    fileName,
    committed: false,
    results: outcome.results.map((r) => {
      const n = existing.get(key(r)) ?? 0;
      return {
        index: r.index,
        year: r.year,
        version: r.version,
        provinceCount: r.provinces.length,
        matched: r.provinces.filter((p) => p.provinceCode !== null).length,
        unmatched: r.provinces.filter((p) => p.provinceCode === null).map((p) => p.input),
        existingProvinces: n,
        replaces: n > 0,
        provinces: r.provinces.map((p) => ({
          ...p,
          difference:
            p.computedTotal !== null && p.publishedTotal !== null ? p.computedTotal - p.publishedTotal : null,
        })),
        errors: r.errors,
        notes: r.notes,
      };
    }),
    errors: outcome.errors,
    errorCount: errorCountOf(outcome),
  };
}

function checkedIndex(index: string | undefined) {
  if (index === undefined) return undefined;
  if (!isIndexCode(index))
    throw badRequest(
      "indexImport.index",
      `Chưa hỗ trợ nhập tệp kết quả của chỉ số “${indexAbbreviation(index)}”: tệp kết quả chỉ nhận các chỉ số quốc gia xếp hạng tỉnh.`,
    );
  return index;
}

/**
 * Reads an uploaded results file; with `commit`, stores it in one transaction when it has no errors.
 * An index-year that already has results is replaced only with `replace` (otherwise 409).
 */
export async function importResultsFile({
  db,
  actor,
  file,
  index,
  year,
  commit,
  replace,
}: {
  db: Db;
  actor: Actor;
  file: { fileName: string; data: Uint8Array };
  index?: string;
  year?: number;
  commit: boolean;
  replace: boolean;
}) {
  if (!canManageResults(actor)) throw forbidden();
  const outcome = await readIndexResults({ ...file, index: checkedIndex(index), year });
  const preview = await previewOf({ db, outcome, fileName: file.fileName });
  if (!commit) return preview;
  if (preview.errorCount > 0 || outcome.results.length === 0) {
    throw badRequest(
      "indexImport.invalid",
      outcome.results.length === 0
        ? `Không ghi được: ${outcome.errors[0]?.message ?? "tệp không có kết quả chỉ số nào."}`
        : `Tệp còn ${preview.errorCount} lỗi; hãy sửa tệp rồi tải lên lại. Chưa ghi dữ liệu nào.`,
      { errors: [...outcome.errors, ...outcome.results.flatMap((r) => r.errors)] },
    );
  }
  const taken = preview.results.filter((r) => r.replaces);
  if (taken.length > 0 && !replace) {
    throw conflict(
      "indexImport.exists",
      `Đã có kết quả ${taken.map((r) => `${r.index} năm ${r.year} (${r.existingProvinces} tỉnh)`).join(", ")}. ` +
        "Hãy xác nhận thay thế để ghi đè.",
    );
  }
  await ensureIndexCatalog({ db });
  await db.transaction((tx) =>
    storeIndexResults({ tx, actor, results: outcome.results, fileName: file.fileName }),
  );
  return { ...preview, committed: true };
}

/** Enters or corrects one province's result by hand, validated against the version's components. */
export async function saveManualResult({
  db,
  actor,
  indexCode,
  year,
  provinceCode,
  input,
}: {
  db: Db;
  actor: Actor;
  indexCode: string;
  year: number;
  provinceCode: string;
  input: ManualInput;
}) {
  if (!canManageResults(actor)) throw forbidden();
  // A province's DDCI rates its departments and communes: a result "of a province" means nothing for it.
  if ((await createIndicesRepository(db).findDefinition(indexCode))?.subjects === "units")
    throw badRequest(
      "indexResult.unitSubjects",
      `${indexAbbreviation(indexCode)} chấm điểm sở, ban, ngành và xã, phường, không nhập kết quả theo tỉnh.`,
    );
  const provinces = await listProvincesCached(db);
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw notFound("indexProvince.notFound", "Không tìm thấy tỉnh, thành phố.");
  const version = await versionForYear(db, indexCode, year);
  if (!version)
    throw badRequest("indexResult.noVersion", `Chưa có phương pháp tính ${indexCode} cho năm ${year}.`);
  if (input.total != null && (input.total < 0 || input.total > version.scaleMax))
    throw badRequest(
      "indexResult.total",
      `Tổng điểm ${formatVi(input.total)} nằm ngoài khoảng 0–${formatVi(version.scaleMax)}.`,
    );
  if (input.rank != null && input.rankOf != null && input.rank > input.rankOf)
    throw badRequest(
      "indexResult.rank",
      `Thứ hạng ${input.rank} lớn hơn số tỉnh được xếp hạng (${input.rankOf}).`,
    );
  if (input.regionalRank != null && input.regionalRankOf != null && input.regionalRank > input.regionalRankOf)
    throw badRequest("indexResult.rank", "Thứ hạng trong vùng lớn hơn số tỉnh của vùng.");
  const byCode = new Map(version.components.map((c) => [c.code, c]));
  const values: Record<string, number> = {};
  const seen = new Set<string>();
  for (const c of input.components) {
    const comp = byCode.get(c.code);
    if (!comp)
      throw badRequest(
        "indexResult.component",
        `Không có chỉ số thành phần “${c.code}” trong phương pháp ${version.code}.`,
      );
    if (seen.has(c.code))
      throw badRequest("indexResult.component", `Chỉ số thành phần “${comp.nameVi}” bị lặp.`);
    seen.add(c.code);
    if (c.value !== null && (c.value < comp.min || c.value > comp.max))
      throw badRequest(
        "indexResult.componentRange",
        `Giá trị ${formatVi(c.value)} của “${comp.nameVi}” nằm ngoài khoảng ${formatVi(comp.min)}–${formatVi(comp.max)}.`,
      );
    if (c.value !== null) values[c.code] = c.value;
  }
  const computedTotal = Object.keys(values).length > 0 ? computeTotal(version, values).value : null;
  const row = await db.transaction(async (tx) => {
    const repo = createIndicesRepository(tx);
    const before = await repo.findResult({ indexCode, year, provinceCode });
    const saved = await repo.upsertResult({
      indexCode,
      year,
      provinceCode,
      versionCode: version.code,
      total: input.total ?? null,
      rank: input.rank ?? null,
      rankOf: input.rankOf ?? null,
      band: input.band ?? null,
      regionalRank: input.regionalRank ?? null,
      regionalRankOf: input.regionalRankOf ?? null,
      computedTotal,
      sourceDocument: input.source?.document ?? "",
      sourceLink: input.source?.link ?? "",
      sourceNote: input.source?.note ?? "Nhập tay",
    });
    await repo.deleteResultComponents(saved.id);
    await repo.insertResultComponents(
      input.components.map((c) => ({
        resultId: saved.id,
        componentCode: c.code,
        value: c.value,
        rank: c.rank ?? null,
      })),
    );
    await refreshDerived({ tx, indexCode, year });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexResult",
        entityId: `${indexCode}:${year}:${provinceCode}`,
        action: before ? "update" : "create",
        before,
        after: { ...saved, components: input.components },
      },
    });
    const [fresh] = await repo.resultsOfProvinceIndex({ provinceCode, indexCode, upTo: year, from: year });
    return { fresh, components: await repo.componentValues([saved.id]) };
  });
  return presentResult(row.fresh, province.name, row.components);
}

/** One province's stored result of an index-year, with its components. */
export async function getResult({
  db,
  indexCode,
  year,
  provinceCode,
}: {
  db: Db;
  indexCode: string;
  year: number;
  provinceCode: string;
}) {
  const repo = createIndicesRepository(db);
  const row = await repo.findResult({ indexCode, year, provinceCode });
  if (!row) throw notFound("indexResult.notFound", "Chưa có kết quả của tỉnh cho chỉ số và năm này.");
  const provinces = await listProvincesCached(db);
  const name = provinces.find((p) => p.code === provinceCode)?.name ?? provinceCode;
  return presentResult(row, name, await repo.componentValues([row.id]));
}

/** All provinces' results of an index-year, best first: the ranking table. */
export async function listYearResults({ db, indexCode, year }: { db: Db; indexCode: string; year: number }) {
  const [rows, provinces] = await Promise.all([
    createIndicesRepository(db).resultsOfYear({ indexCode, year }),
    listProvincesCached(db),
  ]);
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  return rows
    .map((r) => {
      const { components: _c, ...rest } = presentResult(r, names.get(r.provinceCode) ?? r.provinceCode);
      return rest;
    })
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.score ?? -1e9) - (a.score ?? -1e9));
}
