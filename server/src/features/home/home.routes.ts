import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { homeResponse } from "../../../../core/src/api/home.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { sendJsonText } from "../../app/json-answers";
import { cachedHome } from "./home.cache";

export const homeRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.get(
    "/api/home",
    {
      // Everyone signed in has a home page; each part is cut to what the person may see.
      config: { access: "user" },
      schema: { description: "Việc cần làm của người đăng nhập", response: { 200: homeResponse } },
    },
    async (request, reply) => {
      const json = await cachedHome({ db, actor: actorOf(request) });
      return sendJsonText(reply, json, { schema: homeResponse, validate: config.validateResponses });
    },
  );
};
