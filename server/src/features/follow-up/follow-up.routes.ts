import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FeatureDeps } from "../../app/build-app";
import { dialoguesRoutes } from "./dialogues/dialogues.routes";
import { initiativesRoutes } from "./initiatives/initiatives.routes";
import { inspectionsRoutes } from "./inspections/inspections.routes";
import { itemsRoutes } from "./items/items.routes";

/**
 * Monitoring beyond reports: the follow-up items (a finding's remediation, a dialogue's recommendation)
 * and the three registers that raise them or stand beside them. Each sub-folder owns its routes.
 */
export const followUpRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, deps) => {
  await app.register(itemsRoutes, deps);
  await app.register(inspectionsRoutes, deps);
  await app.register(dialoguesRoutes, deps);
  await app.register(initiativesRoutes, deps);
};
