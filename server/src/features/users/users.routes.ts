import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  user,
  userCreateBody,
  userListQuery,
  userListResponse,
  userResetPasswordBody,
  userUpdateBody,
} from "../../../../core/src/api/users.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { sendXlsx } from "../../app/xlsx";
import { exportUsersXlsx } from "./users.export";
import { createUser, getUser, listUsers, presentUser, resetUserPassword, updateUser } from "./users.service";

const idParams = z.strictObject({ id: uuidSchema });

export const usersRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db }) => {
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
