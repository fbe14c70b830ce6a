import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  orgGroup,
  orgGroupBody,
  orgGroupExpandQuery,
  orgTreeResponse,
  orgUnit,
  orgUnitCreateBody,
  orgUnitDetailResponse,
  orgUnitListResponse,
  orgUnitMergeBody,
  orgUnitSearchQuery,
  orgUnitUpdateBody,
  unitImportPreview,
} from "../../../../core/src/api/org-units.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { readUpload, uploadRateLimit } from "../../app/upload";
import { sendXlsx } from "../../app/xlsx";
import { createGroup, deleteGroup, expandGroup, listGroups, updateGroup } from "./org-groups.service";
import { exportDirectoryXlsx } from "./org-units.export";
import { importUnitList } from "./org-units.import";
import { canManageDirectory } from "./org-units.policy";
import { presentUnit } from "./org-units.presenter";
import {
  createUnit,
  getUnitDetail,
  getUnitTreeJson,
  recordUnitEvent,
  searchUnits,
  updateUnit,
} from "./org-units.service";

const idParams = z.strictObject({ id: uuidSchema });
const user = { access: "user" as const };

export const orgUnitsRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    "/api/org-units",
    { config: user, schema: { querystring: orgUnitSearchQuery, response: { 200: orgUnitListResponse } } },
    async (request) => {
      const rows = await searchUnits({ db, actor: actorOf(request), query: request.query });
      return { orgUnits: rows.map((r) => presentUnit(r)) };
    },
  );

  app.get(
    "/api/org-units/tree",
    {
      config: user,
      schema: {
        querystring: z.strictObject({ includeHistorical: z.enum(["true", "false"]).optional() }),
        response: { 200: orgTreeResponse, 304: z.null() },
      },
    },
    async (request, reply) => {
      const { etag, json, gzip } = await getUnitTreeJson({
        db,
        actor: actorOf(request),
        includeHistorical: request.query.includeHistorical === "true",
      });
      reply
        .header("etag", etag)
        .header("cache-control", "private, no-cache")
        .header("vary", "accept-encoding");
      if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
      reply.type("application/json; charset=utf-8");
      // Already serialised and compressed (and cached); the schema above documents its shape.
      if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
        return reply.header("content-encoding", "gzip").send(gzip as never);
      }
      return reply.send(json as never);
    },
  );

  app.get(
    "/api/org-units.xlsx",
    {
      config: user,
      schema: { querystring: z.strictObject({ includeHistorical: z.enum(["true", "false"]).optional() }) },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await exportDirectoryXlsx({
          db,
          actor: actorOf(request),
          includeHistorical: request.query.includeHistorical === "true",
        }),
      ),
  );

  app.get(
    "/api/org-units/:id",
    { config: user, schema: { params: idParams, response: { 200: orgUnitDetailResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const detail = await getUnitDetail({ db, actor, id: request.params.id });
      const manage = canManageDirectory(actor);
      return {
        orgUnit: presentUnit(detail.unit),
        ancestors: detail.ancestors.map((a) => ({ id: a.id, name: a.name })),
        children: detail.children.map((c) => presentUnit(c)),
        events: detail.events as never,
        groups: detail.groups,
        can: { update: manage, merge: manage, createChild: manage },
      };
    },
  );

  app.post(
    "/api/org-units",
    { config: user, schema: { body: orgUnitCreateBody, response: { 201: z.object({ orgUnit }) } } },
    async (request, reply) => {
      const unit = await createUnit({ db, actor: actorOf(request), input: request.body });
      return reply.status(201).send({ orgUnit: presentUnit(unit) });
    },
  );

  app.patch(
    "/api/org-units/:id",
    {
      config: user,
      schema: { params: idParams, body: orgUnitUpdateBody, response: { 200: z.object({ orgUnit }) } },
    },
    async (request) => {
      const unit = await updateUnit({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return { orgUnit: presentUnit(unit) };
    },
  );

  app.post(
    "/api/org-units/events",
    {
      config: user,
      schema: {
        body: orgUnitMergeBody,
        response: { 201: z.object({ eventId: z.string(), successorIds: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { event, successorIds } = await recordUnitEvent({
        db,
        actor: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send({ eventId: event.id, successorIds });
    },
  );

  app.post(
    "/api/org-units/import",
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: {
        querystring: z.strictObject({
          commit: z.enum(["true", "false"]).default("false"),
          parentId: uuidSchema.optional(),
        }),
        response: { 200: unitImportPreview },
      },
    },
    async (request) => {
      const file = await readUpload({ request, maxBytes: 5 * 1024 * 1024, accept: ["xlsx", "csv"] });
      return importUnitList({
        db,
        actor: actorOf(request),
        file,
        parentId: request.query.parentId ?? null,
        commit: request.query.commit === "true",
      });
    },
  );

  app.get(
    "/api/org-groups",
    { config: user, schema: { response: { 200: z.object({ groups: z.array(orgGroup) }) } } },
    async (request) => ({ groups: (await listGroups({ db, actor: actorOf(request) })) as never }),
  );

  app.get(
    "/api/org-groups/:id/members",
    {
      config: user,
      schema: { params: idParams, querystring: orgGroupExpandQuery, response: { 200: orgUnitListResponse } },
    },
    async (request) => {
      const rows = await expandGroup({
        db,
        actor: actorOf(request),
        id: request.params.id,
        at: request.query.at,
      });
      return { orgUnits: rows.map((r) => presentUnit(r)) };
    },
  );

  app.post(
    "/api/org-groups",
    { config: user, schema: { body: orgGroupBody, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      const group = await createGroup({ db, actor: actorOf(request), input: request.body });
      return reply.status(201).send({ id: group.id });
    },
  );

  app.put(
    "/api/org-groups/:id",
    {
      config: user,
      schema: { params: idParams, body: orgGroupBody, response: { 200: z.object({ id: z.string() }) } },
    },
    async (request) => {
      const group = await updateGroup({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return { id: group.id };
    },
  );

  app.delete(
    "/api/org-groups/:id",
    { config: user, schema: { params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await deleteGroup({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );
};
