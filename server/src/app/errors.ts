/** The one error type services throw; the error handler maps it to `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message = "Không tìm thấy dữ liệu yêu cầu.") =>
  new AppError(404, code, message);
export const forbidden = (code = "auth.forbidden", message = "Bạn không có quyền thực hiện thao tác này.") =>
  new AppError(403, code, message);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
