import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { forbidden } from "../../app/errors";
import { readUpload, uploadRateLimit } from "../../app/upload";
import { canExtractPlan } from "./plan-import.policy";
import { MAX_FILE_BYTES } from "./plan-import.readers";
import { extractPlan } from "./plan-import.service";

/**
 * Plan documents in, a plan to review out: nothing is stored. The reviewed plan is then created as a
 * draft through the plans API (POST /api/plans, PUT /api/plans/:id/tasks).
 */
export const planImportRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  app.post(
    "/api/plan-import/extract",
    {
      config: { access: "user", rateLimit: uploadRateLimit(config) },
      schema: { description: "Trích xuất kế hoạch từ tệp .docx, .pdf, .xlsx, .txt, .md" },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canExtractPlan(actor)) throw forbidden();
      const file = await readUpload({
        request,
        maxBytes: MAX_FILE_BYTES,
        accept: ["docx", "pdf", "xlsx", "text"],
      });
      return extractPlan({ db, actor, file });
    },
  );

  app.post(
    "/api/plan-import/extract-text",
    {
      config: { access: "user", rateLimit: uploadRateLimit(config) },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        description: "Trích xuất kế hoạch từ văn bản dán vào (bảng dạng tab hoặc HTML)",
        body: z.strictObject({
          text: z
            .string({ message: "Thiếu nội dung văn bản" })
            .min(1, "Văn bản trống")
            .max(5_000_000, "Văn bản quá dài"),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canExtractPlan(actor)) throw forbidden();
      return extractPlan({ db, actor, text: request.body.text });
    },
  );
};
