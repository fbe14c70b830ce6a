import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FeatureDeps } from "../../../app/build-app";

/** The routes of the follow-up register "dialogues" (issue 17): filled in by its own sub-capability. */
export const dialoguesRoutes: FastifyPluginAsyncZod<FeatureDeps> = async () => {};
