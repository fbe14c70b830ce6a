import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../../core/src/api/common.schemas";
import {
  initiativeCoverageQuery,
  initiativeCoverageResponse,
  initiativeCreateBody,
  initiativeDeleteQuery,
  initiativeExportQuery,
  initiativeFileResponse,
  initiativeLinkBody,
  initiativeListQuery,
  initiativeListResponse,
  initiativeMinimumsBody,
  initiativeMinimumsParams,
  initiativeMinimumsResponse,
  initiativeResponse,
  initiativeTransitionBody,
  initiativeUpdateBody,
} from "../../../../../core/src/api/follow-up-initiatives.schemas";
import { actorOf } from "../../../app/auth-plugin";
import type { FeatureDeps } from "../../../app/build-app";
import { attachmentHeader, sendXlsx } from "../../../app/xlsx";
import { readEvidenceUpload } from "../../reporting/evidence/evidence.files";
import { initiativeCoverage, setInitiativeMinimums } from "./coverage.service";
import { decideInitiative } from "./initiatives.decisions";
import { exportInitiativesXlsx } from "./initiatives.export";
import {
  addInitiativeLink,
  openInitiativeFile,
  removeInitiativeFile,
  uploadInitiativeFile,
} from "./initiatives.files";
import {
  deleteInitiative,
  getInitiative,
  listInitiatives,
  registerInitiative,
  updateInitiative,
} from "./initiatives.service";

const user = { access: "user" as const };
const idParams = z.strictObject({ id: uuidSchema });
const fileParams = z.strictObject({ id: uuidSchema, fileId: uuidSchema });
const BASE = "/api/follow-up/initiatives";

/**
 * The reform initiatives' register (issue 17 part 2): registration by the unit, the coordinators'
 * decisions, the yearly count per unit against the minimum, evidence files and the council's export.
 */
export const initiativesRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    BASE,
    { config: user, schema: { querystring: initiativeListQuery, response: { 200: initiativeListResponse } } },
    async (request) => listInitiatives({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    BASE,
    { config: user, schema: { body: initiativeCreateBody, response: { 201: initiativeResponse } } },
    async (request, reply) => {
      const initiative = await registerInitiative({ db, actor: actorOf(request), input: request.body });
      return reply.status(201).send({ initiative });
    },
  );

  app.get(
    `${BASE}/coverage`,
    {
      config: user,
      schema: { querystring: initiativeCoverageQuery, response: { 200: initiativeCoverageResponse } },
    },
    async (request) => initiativeCoverage({ db, actor: actorOf(request), query: request.query }),
  );

  app.put(
    `${BASE}/minimums/:year`,
    {
      config: user,
      schema: {
        params: initiativeMinimumsParams,
        body: initiativeMinimumsBody,
        response: { 200: initiativeMinimumsResponse },
      },
    },
    async (request) =>
      setInitiativeMinimums({
        db,
        actor: actorOf(request),
        year: request.params.year,
        input: request.body,
      }),
  );

  app.get(
    "/api/follow-up/initiatives.xlsx",
    { config: user, schema: { querystring: initiativeExportQuery } },
    async (request, reply) =>
      sendXlsx(reply, await exportInitiativesXlsx({ db, actor: actorOf(request), query: request.query })),
  );

  app.get(
    `${BASE}/:id`,
    { config: user, schema: { params: idParams, response: { 200: initiativeResponse } } },
    async (request) => ({
      initiative: await getInitiative({ db, actor: actorOf(request), id: request.params.id }),
    }),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: user,
      schema: { params: idParams, body: initiativeUpdateBody, response: { 200: initiativeResponse } },
    },
    async (request) => ({
      initiative: await updateInitiative({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.delete(
    `${BASE}/:id`,
    { config: user, schema: { params: idParams, querystring: initiativeDeleteQuery } },
    async (request, reply) => {
      await deleteInitiative({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        version: request.query.version,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/:id/transitions`,
    {
      config: user,
      schema: { params: idParams, body: initiativeTransitionBody, response: { 200: initiativeResponse } },
    },
    async (request) => ({
      initiative: await decideInitiative({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.post(
    `${BASE}/:id/files`,
    { config: user, schema: { params: idParams, response: { 201: initiativeFileResponse } } },
    async (request, reply) => {
      const file = await readEvidenceUpload(request);
      const saved = await uploadInitiativeFile({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        file,
      });
      return reply.status(201).send({ file: saved });
    },
  );

  app.post(
    `${BASE}/:id/links`,
    {
      config: user,
      schema: { params: idParams, body: initiativeLinkBody, response: { 201: initiativeFileResponse } },
    },
    async (request, reply) => {
      const file = await addInitiativeLink({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ file });
    },
  );

  app.delete(
    `${BASE}/:id/files/:fileId`,
    { config: user, schema: { params: fileParams } },
    async (request, reply) => {
      await removeInitiativeFile({ db, config, actor: actorOf(request), ...request.params });
      return reply.status(204).send();
    },
  );

  app.get(
    `${BASE}/:id/files/:fileId/download`,
    { config: user, schema: { params: fileParams } },
    async (request, reply) => {
      const file = await openInitiativeFile({ db, config, actor: actorOf(request), ...request.params });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentHeader(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.data);
    },
  );
};
