import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  componentTableQuery,
  componentTableResponse,
  heatmapQuery,
  heatmapResponse,
  indexCodeSchema,
  indexDefinitionCreateBody,
  indexDefinitionsResponse,
  indexProvincesResponse,
  indexResultResponse,
  indexVersionInput,
  indexVersionResponse,
  indexVersionWriteResponse,
  provinceCodeSchema,
  provinceProfileResponse,
  provinceYearsResponse,
  rankingQuery,
  rankingResponse,
  resultManualBody,
  resultsImportPreview,
  resultsImportQuery,
  targetCreateBody,
  targetImportQuery,
  targetImportResult,
  targetResponse,
  targetsQuery,
  targetsResponse,
  targetUpdateBody,
  unitResultBody,
  unitResultResponse,
  unitResultsQuery,
  unitResultsResponse,
  weightsQuery,
  weightsResponse,
  whatIfBody,
  whatIfResponse,
  yearResultsResponse,
  yearSchema,
} from "../../../../core/src/api/indices.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { readUpload, uploadRateLimit } from "../../app/upload";
import { sendXlsx } from "../../app/xlsx";
import { getVisibleUnit } from "../org-units/org-units.service";
import { MAX_FILE_BYTES } from "./import";
import {
  componentTable,
  heatmap,
  presentProvince,
  provinceProfile,
  provinceYears,
  simulateWhatIf,
  weightsOf,
} from "./indices.analysis.service";
import { ensureIndexCatalog } from "./indices.catalog";
import {
  assertIndexVisible,
  createDraft,
  listCustom,
  publishVersion,
  reviseVersion,
  updateDraft,
} from "./indices.custom.service";
import {
  createDefinition,
  createVersion,
  getVersion,
  listDefinitions,
  updateVersion,
} from "./indices.definitions.service";
import { componentTableXlsx, profileXlsx, rankingXlsx, XLSX_TYPE } from "./indices.export";
import { ranking } from "./indices.ranking.service";
import { getResult, importResultsFile, listYearResults, saveManualResult } from "./indices.results.service";
import { exportTargetsXlsx } from "./indices.targets.export";
import { importTargets, targetsTemplateXlsx } from "./indices.targets.import";
import {
  createTarget,
  deleteTarget,
  indexProvinceOfUnit,
  listTargets,
  updateTarget,
} from "./indices.targets.service";
import { listUnitResults, saveUnitResult } from "./indices.unit-results.service";
import { listProvincesCached } from "./indices.versions";

const user = { access: "user" as const };
const provinceParams = z.strictObject({ code: provinceCodeSchema });
const resultParams = z.strictObject({
  index: indexCodeSchema,
  year: yearSchema,
  province: provinceCodeSchema,
});
const ok = z.object({ ok: z.literal(true) });

/** Indices: definitions, provinces, results (import, manual entry), analysis and targets. */
export const indicesRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  // The catalog is data seeded from core/: idempotent, so every start (and every test app) has it.
  await ensureIndexCatalog({ db });

  // A province's own index does not exist for anyone outside the province: every route that names an
  // index (in its path, query or body) answers 404 for it, as the listing leaves it out.
  app.addHook("preHandler", async (request) => {
    const named = [
      (request.params as Record<string, unknown> | undefined)?.index,
      (request.query as Record<string, unknown> | undefined)?.index,
      (request.body as Record<string, unknown> | undefined)?.index,
      (request.body as Record<string, unknown> | undefined)?.indexCode,
    ].filter((x): x is string => typeof x === "string");
    if (named.length === 0 || !request.actor) return;
    await assertIndexVisible({ db, actor: request.actor, codes: named });
  });

  // ---------- definitions ----------
  app.get(
    "/api/indices",
    { config: user, schema: { response: { 200: indexDefinitionsResponse } } },
    async (request) => listDefinitions({ db, actor: actorOf(request) }),
  );

  app.post(
    "/api/indices",
    {
      config: user,
      schema: { body: indexDefinitionCreateBody, response: { 201: indexVersionWriteResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await createDefinition({ db, actor: actorOf(request), input: request.body })),
  );

  app.get(
    "/api/indices/versions/:code",
    {
      config: user,
      schema: {
        params: z.strictObject({ code: z.string().max(60) }),
        response: { 200: indexVersionResponse },
      },
    },
    async (request) => ({
      version: await getVersion({ db, actor: actorOf(request), code: request.params.code }),
    }),
  );

  app.put(
    "/api/indices/versions/:code",
    {
      config: user,
      schema: {
        params: z.strictObject({ code: z.string().max(60) }),
        body: indexVersionInput,
        response: { 200: indexVersionWriteResponse },
      },
    },
    async (request) =>
      updateVersion({ db, actor: actorOf(request), code: request.params.code, input: request.body }),
  );

  app.post(
    "/api/indices/:index/versions",
    {
      config: user,
      schema: {
        params: z.strictObject({ index: indexCodeSchema }),
        body: indexVersionInput,
        response: { 201: indexVersionWriteResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createVersion({
          db,
          actor: actorOf(request),
          indexCode: request.params.index,
          input: request.body,
        }),
      ),
  );

  // ---------- a province's own indices (DDCI): drafts, revisions, publishing ----------
  const versionParams = z.strictObject({ code: z.string().max(60) });
  app.get(
    "/api/indices/custom",
    { config: user, schema: { response: { 200: indexDefinitionsResponse } } },
    async (request) => listCustom({ db, actor: actorOf(request) }),
  );

  app.post(
    "/api/indices/custom/:index/versions",
    {
      config: user,
      schema: {
        params: z.strictObject({ index: indexCodeSchema }),
        body: indexVersionInput,
        response: { 201: indexVersionWriteResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createDraft({
          db,
          actor: actorOf(request),
          indexCode: request.params.index,
          input: request.body,
        }),
      ),
  );

  app.put(
    "/api/indices/custom/versions/:code",
    {
      config: user,
      schema: {
        params: versionParams,
        body: indexVersionInput,
        response: { 200: indexVersionWriteResponse },
      },
    },
    async (request) =>
      updateDraft({ db, actor: actorOf(request), code: request.params.code, input: request.body }),
  );

  app.post(
    "/api/indices/custom/versions/:code/revise",
    { config: user, schema: { params: versionParams, response: { 201: indexVersionWriteResponse } } },
    async (request, reply) =>
      reply.status(201).send(await reviseVersion({ db, actor: actorOf(request), code: request.params.code })),
  );

  app.post(
    "/api/indices/custom/versions/:code/publish",
    { config: user, schema: { params: versionParams, response: { 200: indexVersionWriteResponse } } },
    async (request) => publishVersion({ db, actor: actorOf(request), code: request.params.code }),
  );

  // A DDCI's results per department or commune, for one year.
  const unitYear = z.strictObject({ index: indexCodeSchema, year: yearSchema });
  app.get(
    "/api/indices/custom/:index/results/:year",
    {
      config: user,
      schema: { params: unitYear, querystring: unitResultsQuery, response: { 200: unitResultsResponse } },
    },
    async (request) =>
      listUnitResults({
        db,
        actor: actorOf(request),
        indexCode: request.params.index,
        year: request.params.year,
        ...request.query,
      }),
  );

  app.put(
    "/api/indices/custom/:index/results/:year/:unitId",
    {
      config: user,
      schema: {
        params: unitYear.extend({ unitId: uuidSchema }),
        body: unitResultBody,
        response: { 200: unitResultResponse },
      },
    },
    async (request) =>
      saveUnitResult({
        db,
        actor: actorOf(request),
        indexCode: request.params.index,
        year: request.params.year,
        unitId: request.params.unitId,
        input: request.body,
      }),
  );

  app.get(
    "/api/indices/:index/weights",
    {
      config: user,
      schema: {
        params: z.strictObject({ index: indexCodeSchema }),
        querystring: weightsQuery,
        response: { 200: weightsResponse },
      },
    },
    async (request) => weightsOf({ db, indexCode: request.params.index, year: request.query.year }),
  );

  // ---------- ranking of every province ----------
  const rankingParams = z.strictObject({ index: indexCodeSchema });
  app.get(
    "/api/indices/:index/ranking",
    {
      config: user,
      schema: { params: rankingParams, querystring: rankingQuery, response: { 200: rankingResponse } },
    },
    async (request) => ranking({ db, indexCode: request.params.index, ...request.query }),
  );

  app.get(
    "/api/indices/:index/ranking.xlsx",
    { config: user, schema: { params: rankingParams, querystring: rankingQuery } },
    async (request, reply) => {
      const answer = await ranking({ db, indexCode: request.params.index, ...request.query });
      return reply
        .header("content-type", XLSX_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="xep-hang-${answer.index.code.toLowerCase()}-${answer.year}.xlsx"`,
        )
        .send(await rankingXlsx(answer));
    },
  );

  // ---------- provinces and analysis ----------
  app.get(
    "/api/indices/provinces",
    { config: user, schema: { response: { 200: indexProvincesResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const provinces = await listProvincesCached(db);
      let mine: string | null = null;
      if (actor.provinceId) {
        const unit = await getVisibleUnit({ db, actor, id: actor.provinceId }).catch(() => null);
        if (unit) mine = await indexProvinceOfUnit(db, unit);
      }
      return { provinces: provinces.map((p) => presentProvince(p, provinces)), mine };
    },
  );

  app.get(
    "/api/indices/provinces/:code/profile",
    { config: user, schema: { params: provinceParams, response: { 200: provinceProfileResponse } } },
    async (request) => provinceProfile({ db, provinceCode: request.params.code }),
  );

  app.get(
    "/api/indices/provinces/:code/years",
    { config: user, schema: { params: provinceParams, response: { 200: provinceYearsResponse } } },
    async (request) => provinceYears({ db, provinceCode: request.params.code }),
  );

  app.get(
    "/api/indices/provinces/:code/profile.xlsx",
    { config: user, schema: { params: provinceParams } },
    async (request, reply) => {
      const profile = await provinceProfile({ db, provinceCode: request.params.code });
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", `attachment; filename="ho-so-chi-so-${profile.province.code}.xlsx"`)
        .send(await profileXlsx(profile));
    },
  );

  app.get(
    "/api/indices/provinces/:code/components",
    {
      config: user,
      schema: {
        params: provinceParams,
        querystring: componentTableQuery,
        response: { 200: componentTableResponse },
      },
    },
    async (request) =>
      componentTable({
        db,
        provinceCode: request.params.code,
        indexCode: request.query.index,
        ...request.query,
      }),
  );

  app.get(
    "/api/indices/provinces/:code/components.xlsx",
    { config: user, schema: { params: provinceParams, querystring: componentTableQuery } },
    async (request, reply) => {
      const table = await componentTable({
        db,
        provinceCode: request.params.code,
        indexCode: request.query.index,
        ...request.query,
      });
      return reply
        .header("content-type", XLSX_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="${table.index.code}-${table.year}-${table.province.code}.xlsx"`,
        )
        .send(await componentTableXlsx(table));
    },
  );

  app.get(
    "/api/indices/provinces/:code/heatmap",
    {
      config: user,
      schema: { params: provinceParams, querystring: heatmapQuery, response: { 200: heatmapResponse } },
    },
    async (request) =>
      heatmap({ db, provinceCode: request.params.code, indexCode: request.query.index, ...request.query }),
  );

  app.post(
    "/api/indices/provinces/:code/what-if",
    { config: user, schema: { params: provinceParams, body: whatIfBody, response: { 200: whatIfResponse } } },
    async (request) => simulateWhatIf({ db, provinceCode: request.params.code, input: request.body }),
  );

  // ---------- results ----------
  app.post(
    "/api/indices/results/import",
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: { querystring: resultsImportQuery, response: { 200: resultsImportPreview } },
    },
    async (request) => {
      const actor = actorOf(request);
      const file = await readUpload({ request, maxBytes: MAX_FILE_BYTES, accept: ["xlsx", "csv"] });
      return importResultsFile({
        db,
        actor,
        file,
        index: request.query.index,
        year: request.query.year,
        commit: request.query.commit === "true",
        replace: request.query.replace === "true",
      });
    },
  );

  app.get(
    "/api/indices/results/:index/:year",
    {
      config: user,
      schema: {
        params: z.strictObject({ index: indexCodeSchema, year: yearSchema }),
        response: { 200: yearResultsResponse },
      },
    },
    async (request) => ({
      index: request.params.index,
      year: request.params.year,
      results: await listYearResults({ db, indexCode: request.params.index, year: request.params.year }),
    }),
  );

  app.get(
    "/api/indices/results/:index/:year/:province",
    { config: user, schema: { params: resultParams, response: { 200: indexResultResponse } } },
    async (request) => ({
      result: await getResult({
        db,
        indexCode: request.params.index,
        year: request.params.year,
        provinceCode: request.params.province,
      }),
    }),
  );

  app.put(
    "/api/indices/results/:index/:year/:province",
    {
      config: user,
      schema: { params: resultParams, body: resultManualBody, response: { 200: indexResultResponse } },
    },
    async (request) => ({
      result: await saveManualResult({
        db,
        actor: actorOf(request),
        indexCode: request.params.index,
        year: request.params.year,
        provinceCode: request.params.province,
        input: request.body,
      }),
    }),
  );

  // ---------- targets ----------
  app.get("/api/indices/targets/import-template.xlsx", { config: user }, async (_request, reply) =>
    sendXlsx(reply, await targetsTemplateXlsx(db)),
  );

  app.post(
    "/api/indices/targets/import",
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: { querystring: targetImportQuery, response: { 200: targetImportResult } },
    },
    async (request) => {
      const file = await readUpload({ request, maxBytes: 5 * 1024 * 1024, accept: ["xlsx"] });
      return importTargets({
        db,
        actor: actorOf(request),
        provinceUnitId: request.query.provinceUnitId,
        data: file.data,
        commit: request.query.commit === "true",
      });
    },
  );

  app.get(
    "/api/indices/targets.xlsx",
    { config: user, schema: { querystring: targetsQuery } },
    async (request, reply) =>
      sendXlsx(reply, await exportTargetsXlsx({ db, actor: actorOf(request), query: request.query })),
  );

  app.get(
    "/api/indices/targets",
    { config: user, schema: { querystring: targetsQuery, response: { 200: targetsResponse } } },
    async (request) => listTargets({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    "/api/indices/targets",
    { config: user, schema: { body: targetCreateBody, response: { 201: targetResponse } } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ target: await createTarget({ db, actor: actorOf(request), input: request.body }) }),
  );

  app.patch(
    "/api/indices/targets/:id",
    {
      config: user,
      schema: {
        params: z.strictObject({ id: uuidSchema }),
        body: targetUpdateBody,
        response: { 200: targetResponse },
      },
    },
    async (request) => ({
      target: await updateTarget({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
    }),
  );

  app.delete(
    "/api/indices/targets/:id",
    { config: user, schema: { params: z.strictObject({ id: uuidSchema }), response: { 200: ok } } },
    async (request) => {
      await deleteTarget({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
};
