import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditListQuery, auditListResponse } from "../../../../core/src/api/audit.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { forbidden } from "../../app/errors";
import { sendXlsx } from "../../app/xlsx";
import { exportAuditXlsx } from "./audit.export";
import { canReadAudit } from "./audit.policy";
import { createAuditRepository } from "./audit.repository";

export const auditRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db }) => {
  app.get(
    "/api/audit.xlsx",
    {
      config: { access: "user" },
      schema: { querystring: auditListQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportAuditXlsx({ db, actor: actorOf(request), query: request.query })),
  );
  app.get(
    "/api/audit",
    {
      config: { access: "user" },
      schema: { querystring: auditListQuery, response: { 200: auditListResponse } },
    },
    async (request) => {
      if (!canReadAudit(actorOf(request))) throw forbidden();
      const { rows, total } = await createAuditRepository(db).list(request.query);
      return {
        entries: rows.map((r) => ({
          ...r,
          at: r.at.toISOString(),
          before: r.before ?? null,
          after: r.after ?? null,
        })),
        total,
      };
    },
  );
};
