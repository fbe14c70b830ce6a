import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importCommitQuery, uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  user,
  userCreateBody,
  userImportResult,
  userListQuery,
  userListResponse,
  userResetPasswordBody,
  userUpdateBody,
} from "../../../../core/src/api/users.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { forbidden } from "../../app/errors";
import { readUpload, uploadRateLimit } from "../../app/upload";
import { sendXlsx } from "../../app/xlsx";
import { exportUsersXlsx } from "./users.export";
import { importUsers, usersTemplateXlsx } from "./users.import";
import { canManageUsers } from "./users.policy";
import { createUser, getUser, listUsers, presentUser, resetUserPassword, updateUser } from "./users.service";

const idParams = z.strictObject({ id: uuidSchema });

export const usersRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    "/api/users",
    {
      config: { access: "user" },
      schema: { querystring: userListQuery, response: { 200: userListResponse } },
    },
    async (request) => {
      const { rows, total } = await listUsers({ db, actor: actorOf(request), query: request.query });
      return { users: rows.map(presentUser), total };
    },
  );
  app.get(
    "/api/users.xlsx",
    { config: { access: "user" }, schema: { querystring: userListQuery } },
    async (request, reply) =>
      sendXlsx(reply, await exportUsersXlsx({ db, actor: actorOf(request), query: request.query })),
  );
  app.get("/api/users/import-template.xlsx", { config: { access: "user" } }, async (request, reply) => {
    if (!canManageUsers(actorOf(request))) throw forbidden();
    return sendXlsx(reply, await usersTemplateXlsx());
  });
  app.post(
    "/api/users/import",
    {
      config: { access: "user", rateLimit: uploadRateLimit(config) },
      schema: { querystring: importCommitQuery, response: { 200: userImportResult } },
    },
    async (request) => {
      const actor = actorOf(request);
      // Refused before the upload is read: a person who may not import sends no file to parse.
      if (!canManageUsers(actor)) throw forbidden();
      const file = await readUpload({ request, maxBytes: 5 * 1024 * 1024, accept: ["xlsx"] });
      return importUsers({ db, actor, data: file.data, commit: request.query.commit === "true" });
    },
  );
  app.get(
    "/api/users/:id",
    { config: { access: "user" }, schema: { params: idParams, response: { 200: z.object({ user }) } } },
    async (request) => ({
      user: presentUser(await getUser({ db, actor: actorOf(request), id: request.params.id })),
    }),
  );
  app.post(
    "/api/users",
    { config: { access: "user" }, schema: { body: userCreateBody, response: { 201: z.object({ user }) } } },
    async (request, reply) => {
      const row = await createUser({ db, actor: actorOf(request), input: request.body });
      return reply.status(201).send({ user: presentUser(row) });
    },
  );
  app.patch(
    "/api/users/:id",
    {
      config: { access: "user" },
      schema: { params: idParams, body: userUpdateBody, response: { 200: z.object({ user }) } },
    },
    async (request) => ({
      user: presentUser(
        await updateUser({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
      ),
    }),
  );
  app.post(
    "/api/users/:id/reset-password",
    {
      config: { access: "user" },
      schema: {
        params: idParams,
        body: userResetPasswordBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await resetUserPassword({
        db,
        actor: actorOf(request),
        id: request.params.id,
        password: request.body.password,
      });
      return { ok: true as const };
    },
  );
};
