import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../../core/src/api/common.schemas";
import {
  itemCommentBody,
  itemExportQuery,
  itemFileParams,
  itemFileResponse,
  itemLinkBody,
  itemListQuery,
  itemListResponse,
  itemResponse,
  itemTransitionBody,
} from "../../../../../core/src/api/follow-up-items.schemas";
import { actorOf } from "../../../app/auth-plugin";
import type { FeatureDeps } from "../../../app/build-app";
import { sendXlsx } from "../../../app/xlsx";
import { readEvidenceUpload } from "../../reporting/evidence/evidence.files";
import { exportItemsXlsx } from "./items.export";
import { addItemComment, addItemLink, deleteItemFile, openItemFile, uploadItemFile } from "./items.files";
import { getItem, listItems } from "./items.service";
import { transitionItem } from "./items.transitions";

const idParams = z.strictObject({ id: uuidSchema });
const user = { access: "user" as const };
/** A download's name: plain ASCII for old clients, the Vietnamese name in UTF-8 beside it. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The follow-up items (issue 17): the list and its export, an item's page, its acts, comments and
 * evidence. Who may do what is decided in the services (follow-up.policy.ts and core's rules); an item
 * the actor may not see is "not found".
 */
export const itemsRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    "/api/follow-up/items",
    { config: user, schema: { querystring: itemListQuery, response: { 200: itemListResponse } } },
    async (request) => listItems({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    "/api/follow-up/items.xlsx",
    { config: user, schema: { querystring: itemExportQuery } },
    async (request, reply) =>
      sendXlsx(reply, await exportItemsXlsx({ db, actor: actorOf(request), query: request.query })),
  );

  app.get(
    "/api/follow-up/items/:id",
    { config: user, schema: { params: idParams, response: { 200: itemResponse } } },
    async (request) => ({ item: await getItem({ db, actor: actorOf(request), id: request.params.id }) }),
  );

  app.post(
    "/api/follow-up/items/:id/transitions",
    {
      config: user,
      schema: { params: idParams, body: itemTransitionBody, response: { 200: itemResponse } },
    },
    async (request) => ({
      item: await transitionItem({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
    }),
  );

  app.post(
    "/api/follow-up/items/:id/comments",
    { config: user, schema: { params: idParams, body: itemCommentBody, response: { 201: itemResponse } } },
    async (request, reply) => {
      const item = await addItemComment({
        db,
        actor: actorOf(request),
        id: request.params.id,
        body: request.body.body,
      });
      return reply.status(201).send({ item });
    },
  );

  app.post(
    "/api/follow-up/items/:id/files",
    { config: user, schema: { params: idParams, response: { 201: itemFileResponse } } },
    async (request, reply) => {
      const upload = await readEvidenceUpload(request);
      const file = await uploadItemFile({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        file: upload,
      });
      return reply.status(201).send({ file });
    },
  );

  app.post(
    "/api/follow-up/items/:id/links",
    { config: user, schema: { params: idParams, body: itemLinkBody, response: { 201: itemFileResponse } } },
    async (request, reply) => {
      const file = await addItemLink({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ file });
    },
  );

  app.get(
    "/api/follow-up/items/:id/files/:fileId",
    { config: user, schema: { params: itemFileParams } },
    async (request, reply) => {
      const file = await openItemFile({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        fileId: request.params.fileId,
      });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachment(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.data);
    },
  );

  app.delete(
    "/api/follow-up/items/:id/files/:fileId",
    { config: user, schema: { params: itemFileParams, response: { 200: itemResponse } } },
    async (request) => ({
      item: await deleteItemFile({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        fileId: request.params.fileId,
      }),
    }),
  );
};
