import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importCommitQuery, uuidSchema } from "../../../../../core/src/api/common.schemas";
import {
  dialogueCreateBody,
  dialogueFileResponse,
  dialogueListQuery,
  dialogueListResponse,
  dialogueResponse,
  dialogueUpdateBody,
  publicationBody,
  publicationResponse,
  publishedListResponse,
  publishedQuery,
  recommendationImportResult,
  recommendationListQuery,
  recommendationListResponse,
  recommendationsBody,
  recommendationsCreated,
} from "../../../../../core/src/api/follow-up-dialogues.schemas";
import { actorOf } from "../../../app/auth-plugin";
import type { FeatureDeps } from "../../../app/build-app";
import { forbidden } from "../../../app/errors";
import { readUpload, uploadRateLimit } from "../../../app/upload";
import { attachmentHeader, sendXlsx } from "../../../app/xlsx";
import { readEvidenceUpload } from "../../reporting/evidence/evidence.files";
import { deleteMinutes, openMinutes, uploadMinutes } from "./dialogues.files";
import { mayHostSomewhere } from "./dialogues.policy";
import {
  createDialogue,
  deleteDialogue,
  getDialogue,
  listDialogues,
  updateDialogue,
} from "./dialogues.service";
import { exportRecommendationsXlsx } from "./recommendations.export";
import { importRecommendations, recommendationsTemplateXlsx } from "./recommendations.import";
import {
  addRecommendations,
  dialogueForRecommendations,
  listPublished,
  listRecommendations,
  setPublication,
} from "./recommendations.service";

const user = { access: "user" as const };
const idParams = z.strictObject({ id: uuidSchema });
const fileParams = z.strictObject({ id: uuidSchema, fileId: uuidSchema });
const itemParams = z.strictObject({ id: uuidSchema, itemId: uuidSchema });
const ok = z.object({ ok: z.literal(true) });
const BASE = "/api/follow-up/dialogues";

/**
 * Dialogues and the recommendations raised at them (issue 17 part 3). Handling a recommendation
 * (assign, answer, accept…) is the items' routes; these record the event, enter the recommendations,
 * publish accepted answers and serve the published list.
 */
export const dialoguesRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    BASE,
    { config: user, schema: { querystring: dialogueListQuery, response: { 200: dialogueListResponse } } },
    async (request) => listDialogues({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    BASE,
    { config: user, schema: { body: dialogueCreateBody, response: { 201: dialogueResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createDialogue({ db, actor, input: request.body });
      return reply.status(201).send({ dialogue: await getDialogue({ db, actor, id }) });
    },
  );

  // Authenticated for now: the public page of a later issue is built on this list.
  app.get(
    `${BASE}/published`,
    { config: user, schema: { querystring: publishedQuery, response: { 200: publishedListResponse } } },
    async (request) => listPublished({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(`${BASE}/recommendations/import-template.xlsx`, { config: user }, async (request, reply) => {
    if (!mayHostSomewhere(actorOf(request))) throw forbidden();
    return sendXlsx(reply, await recommendationsTemplateXlsx());
  });

  app.get(
    `${BASE}/:id`,
    { config: user, schema: { params: idParams, response: { 200: dialogueResponse } } },
    async (request) => ({
      dialogue: await getDialogue({ db, actor: actorOf(request), id: request.params.id }),
    }),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: user,
      schema: { params: idParams, body: dialogueUpdateBody, response: { 200: dialogueResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateDialogue({ db, actor, id: request.params.id, input: request.body });
      return { dialogue: await getDialogue({ db, actor, id: request.params.id }) };
    },
  );

  app.delete(
    `${BASE}/:id`,
    { config: user, schema: { params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteDialogue({ db, config, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );

  // ——— minutes ———
  app.post(
    `${BASE}/:id/files`,
    { config: user, schema: { params: idParams, response: { 201: dialogueFileResponse } } },
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

  app.get(
    `${BASE}/:id/files/:fileId`,
    { config: user, schema: { params: fileParams } },
    async (request, reply) => {
      const file = await openMinutes({ db, config, actor: actorOf(request), ...request.params });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentHeader(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.data);
    },
  );

  app.delete(
    `${BASE}/:id/files/:fileId`,
    { config: user, schema: { params: fileParams, response: { 200: ok } } },
    async (request) => {
      await deleteMinutes({ db, config, actor: actorOf(request), ...request.params });
      return { ok: true as const };
    },
  );

  // ——— recommendations ———
  app.get(
    `${BASE}/:id/recommendations`,
    {
      config: user,
      schema: {
        params: idParams,
        querystring: recommendationListQuery,
        response: { 200: recommendationListResponse },
      },
    },
    async (request) =>
      listRecommendations({ db, actor: actorOf(request), id: request.params.id, query: request.query }),
  );

  app.post(
    `${BASE}/:id/recommendations`,
    {
      config: user,
      schema: { params: idParams, body: recommendationsBody, response: { 201: recommendationsCreated } },
    },
    async (request, reply) => {
      const ids = await addRecommendations({
        db,
        actor: actorOf(request),
        id: request.params.id,
        inputs: request.body.recommendations,
      });
      return reply.status(201).send({ created: ids.length, ids });
    },
  );

  app.post(
    `${BASE}/:id/recommendations/import`,
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: {
        params: idParams,
        querystring: importCommitQuery,
        response: { 200: recommendationImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Refused before the upload is read: a person who may not add recommendations sends no file to parse.
      await dialogueForRecommendations({ db, actor, id: request.params.id });
      const file = await readUpload({ request, maxBytes: 5 * 1024 * 1024, accept: ["xlsx"] });
      return importRecommendations({
        db,
        actor,
        id: request.params.id,
        data: file.data,
        commit: request.query.commit === "true",
      });
    },
  );

  app.get(
    `${BASE}/:id/recommendations.xlsx`,
    { config: user, schema: { params: idParams } },
    async (request, reply) =>
      sendXlsx(
        reply,
        await exportRecommendationsXlsx({ db, actor: actorOf(request), id: request.params.id }),
      ),
  );

  app.post(
    `${BASE}/:id/recommendations/:itemId/publication`,
    {
      config: user,
      schema: { params: itemParams, body: publicationBody, response: { 200: publicationResponse } },
    },
    async (request) =>
      setPublication({
        db,
        actor: actorOf(request),
        id: request.params.id,
        itemId: request.params.itemId,
        published: request.body.published,
      }),
  );
};
