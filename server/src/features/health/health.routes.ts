import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { FeatureDeps } from "../../app/build-app";

export const healthRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, database }) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        response: { 200: z.object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]) }) },
      },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: "ok" as const, db: database.kind };
    },
  );
};
