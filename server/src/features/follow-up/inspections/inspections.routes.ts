import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../../core/src/api/common.schemas";
import {
  addFindingsBody,
  findingImportQuery,
  findingImportResult,
  findingUpdateBody,
  inspectionCancelBody,
  inspectionFileResponse,
  inspectionListQuery,
  inspectionListResponse,
  inspectionPlanCreateBody,
  inspectionPlanListQuery,
  inspectionPlanListResponse,
  inspectionPlanResponse,
  inspectionPlanUpdateBody,
  inspectionResponse,
  inspectionsAddBody,
  inspectionsAddResponse,
  inspectionUpdateBody,
  recordBody,
} from "../../../../../core/src/api/follow-up-inspections.schemas";
import { actorOf } from "../../../app/auth-plugin";
import type { FeatureDeps } from "../../../app/build-app";
import { readUpload, uploadRateLimit } from "../../../app/upload";
import { attachmentHeader, sendXlsx } from "../../../app/xlsx";
import { readEvidenceUpload } from "../../reporting/evidence/evidence.files";
import { findingsTemplateXlsx, importFindings } from "./findings.import";
import {
  createInspectionPlan,
  deleteInspectionPlan,
  getInspectionPlanDetail,
  listInspectionPlans,
  updateInspectionPlan,
} from "./inspection-plans.service";
import { exportPlanXlsx } from "./inspections.export";
import {
  addInspections,
  cancelInspection,
  getInspectionDetail,
  listInspections,
  updateInspection,
} from "./inspections.service";
import { deleteMinutes, openMinutes, uploadMinutes } from "./minutes.service";
import { addFindings, recordInspection, updateFinding } from "./record.service";

const idParams = z.strictObject({ id: uuidSchema });
const user = { access: "user" as const };
const ok = z.object({ ok: z.literal(true) });
const BASE = "/api/follow-up/inspections";

/**
 * Inspections (issue 17, part 1): plans under /plans, inspections by id, findings, minutes, the
 * findings' import and the plan's export. Every route decides who may call it in its service.
 */
export const inspectionsRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  // ——— plans ———
  app.get(
    `${BASE}/plans`,
    {
      config: user,
      schema: { querystring: inspectionPlanListQuery, response: { 200: inspectionPlanListResponse } },
    },
    async (request) => listInspectionPlans({ db, actor: actorOf(request), query: request.query }),
  );
  app.post(
    `${BASE}/plans`,
    { config: user, schema: { body: inspectionPlanCreateBody, response: { 201: inspectionPlanResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createInspectionPlan({ db, actor, input: request.body });
      return reply.status(201).send({ plan: await getInspectionPlanDetail({ db, actor, id }) });
    },
  );
  app.get(
    `${BASE}/plans/:id`,
    { config: user, schema: { params: idParams, response: { 200: inspectionPlanResponse } } },
    async (request) => ({
      plan: await getInspectionPlanDetail({ db, actor: actorOf(request), id: request.params.id }),
    }),
  );
  app.patch(
    `${BASE}/plans/:id`,
    {
      config: user,
      schema: { params: idParams, body: inspectionPlanUpdateBody, response: { 200: inspectionPlanResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateInspectionPlan({ db, actor, id: request.params.id, input: request.body });
      return { plan: await getInspectionPlanDetail({ db, actor, id: request.params.id }) };
    },
  );
  app.delete(
    `${BASE}/plans/:id`,
    { config: user, schema: { params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteInspectionPlan({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
  app.post(
    `${BASE}/plans/:id/inspections`,
    {
      config: user,
      schema: { params: idParams, body: inspectionsAddBody, response: { 200: inspectionsAddResponse } },
    },
    async (request) =>
      addInspections({ db, actor: actorOf(request), planId: request.params.id, input: request.body }),
  );
  app.get(
    `${BASE}/plans/:id/export.xlsx`,
    { config: user, schema: { params: idParams } },
    async (request, reply) =>
      sendXlsx(reply, await exportPlanXlsx({ db, actor: actorOf(request), id: request.params.id })),
  );

  // ——— inspections ———
  app.get(
    BASE,
    { config: user, schema: { querystring: inspectionListQuery, response: { 200: inspectionListResponse } } },
    async (request) => listInspections({ db, actor: actorOf(request), query: request.query }),
  );
  app.get(
    `${BASE}/:id`,
    { config: user, schema: { params: idParams, response: { 200: inspectionResponse } } },
    async (request) => ({
      inspection: await getInspectionDetail({ db, actor: actorOf(request), id: request.params.id }),
    }),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config: user,
      schema: { params: idParams, body: inspectionUpdateBody, response: { 200: inspectionResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateInspection({ db, actor, id: request.params.id, input: request.body });
      return { inspection: await getInspectionDetail({ db, actor, id: request.params.id }) };
    },
  );
  app.post(
    `${BASE}/:id/cancel`,
    {
      config: user,
      schema: { params: idParams, body: inspectionCancelBody, response: { 200: inspectionResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await cancelInspection({ db, actor, id: request.params.id, input: request.body });
      return { inspection: await getInspectionDetail({ db, actor, id: request.params.id }) };
    },
  );

  // ——— the record and its findings ———
  app.post(
    `${BASE}/:id/record`,
    {
      config: user,
      // Up to 500 findings with their texts in one record.
      bodyLimit: 8 * 1024 * 1024,
      schema: { params: idParams, body: recordBody, response: { 200: inspectionResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await recordInspection({ db, actor, id: request.params.id, input: request.body });
      return { inspection: await getInspectionDetail({ db, actor, id: request.params.id }) };
    },
  );
  app.post(
    `${BASE}/:id/findings`,
    {
      config: user,
      bodyLimit: 8 * 1024 * 1024,
      schema: { params: idParams, body: addFindingsBody, response: { 200: inspectionResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await addFindings({ db, actor, id: request.params.id, input: request.body });
      return { inspection: await getInspectionDetail({ db, actor, id: request.params.id }) };
    },
  );
  app.patch(
    `${BASE}/findings/:id`,
    { config: user, schema: { params: idParams, body: findingUpdateBody, response: { 200: ok } } },
    async (request) => {
      await updateFinding({ db, actor: actorOf(request), id: request.params.id, input: request.body });
      return { ok: true as const };
    },
  );
  app.get(`${BASE}/findings/import-template.xlsx`, { config: user }, async (request, reply) =>
    sendXlsx(reply, await findingsTemplateXlsx({ db, actor: actorOf(request) })),
  );
  app.post(
    `${BASE}/:id/findings/import`,
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: { params: idParams, querystring: findingImportQuery, response: { 200: findingImportResult } },
    },
    async (request) => {
      const file = await readUpload({ request, maxBytes: 5 * 1024 * 1024, accept: ["xlsx"] });
      return importFindings({
        db,
        actor: actorOf(request),
        id: request.params.id,
        data: file.data,
        commit: request.query.commit === "true",
        heldOn: request.query.heldOn,
      });
    },
  );

  // ——— minutes ———
  app.post(
    `${BASE}/:id/files`,
    { config: user, schema: { params: idParams, response: { 201: inspectionFileResponse } } },
    async (request, reply) => {
      const file = await readEvidenceUpload(request);
      const stored = await uploadMinutes({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        file,
      });
      return reply.status(201).send({ file: stored });
    },
  );
  app.get(`${BASE}/files/:id`, { config: user, schema: { params: idParams } }, async (request, reply) => {
    const file = await openMinutes({ db, config, actor: actorOf(request), id: request.params.id });
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(file.data);
  });
  app.delete(
    `${BASE}/files/:id`,
    { config: user, schema: { params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteMinutes({ db, config, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
};
