import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "./errors";

const PLACES: Record<string, string> = {
  body: "dữ liệu gửi lên",
  querystring: "tham số truy vấn",
  params: "đường dẫn",
};

/** One mapping from any error to `{ error: { code, message } }`; 5xx details stay in the log. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const place =
        PLACES[(error as { validationContext?: string }).validationContext ?? "body"] ?? "dữ liệu";
      const issues = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
        return { field: field || null, message: v.message ?? "không hợp lệ" };
      });
      const first = issues[0];
      const message = first.field
        ? `Trường "${first.field}" trong ${place}: ${first.message}`
        : `${place}: ${first.message}`;
      return reply.status(400).send({ error: { code: "validation", message, details: issues } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({
        error: { code: "rateLimited", message: "Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút." },
      });
    }
    if (error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send({
        error: {
          code: "payloadTooLarge",
          message: "Tệp hoặc dữ liệu gửi lên vượt quá dung lượng cho phép.",
        },
      });
    }
    if (
      error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      (error.statusCode === 400 && error.code?.startsWith("FST_"))
    ) {
      return reply
        .status(400)
        .send({ error: { code: "badRequest", message: "Dữ liệu gửi lên không đúng định dạng JSON." } });
    }
    if (
      error.statusCode &&
      error.statusCode >= 400 &&
      error.statusCode < 500 &&
      !isResponseSerializationError(error)
    ) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: "badRequest", message: "Yêu cầu không hợp lệ." } });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send({ error: { code: "internal", message: "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau." } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: "notFound",
        message: `Không tìm thấy địa chỉ ${request.method} ${request.url.split("?")[0]}.`,
      },
    });
  });
}
