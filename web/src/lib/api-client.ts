/**
 * The one fetch wrapper: same-origin cookies, the CSRF header (the token in the readable cookie: random
 * before login, bound to the session after it), errors as ApiError.
 */

const CSRF_COOKIE = "chiso_csrf";
const CSRF_HEADER = "x-csrf-token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor({
    status,
    code,
    message,
    details,
  }: { status: number; code: string; message: string; details?: unknown }) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Listeners told when the server answers 401 on a call that needed a session. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void) {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/** Listeners told when the server refuses work until the issued password is changed. */
const passwordChangeListeners = new Set<() => void>();
export function onPasswordChangeRequired(listener: () => void) {
  passwordChangeListeners.add(listener);
  return () => {
    passwordChangeListeners.delete(listener);
  };
}

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(";")) {
    const item = part.trim();
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length));
  }
  return null;
}

async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  // Any /api response sets the cookie; this call exists for exactly that.
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
  return readCookie(CSRF_COOKIE) ?? body.csrfToken ?? "";
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Hãy kiểm tra mạng và thử lại.";

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const fallback =
    res.status >= 500
      ? "Máy chủ gặp sự cố. Xin thử lại sau."
      : res.status === 429
        ? "Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại."
        : `Yêu cầu không thực hiện được (mã ${res.status}).`;
  return new ApiError({
    status: res.status,
    code: body?.error?.code ?? `http.${res.status}`,
    message: body?.error?.message ?? fallback,
    details: body?.error?.details,
  });
}

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** When false, a 401 is returned as an error without telling the app to show the login page. */
  redirectOn401?: boolean;
};

/** How long after the page opened an answer asked for early (web/pwa/early-start-plugin.ts) is used. */
const EARLY_ANSWER_MS = 15_000;
type EarlyAnswers = { at: number; answers: Record<string, Promise<Response> | undefined> };

/**
 * The answer index.html's first script asked for while the shell downloaded, taken once: a second
 * call, a late one or any call after a write goes to the server (the early answer may be stale).
 */
function takeEarlyAnswer(url: string, method: string): Promise<Response> | null {
  const early = (window as { __chisoEarly?: EarlyAnswers }).__chisoEarly;
  if (!early) return null;
  if (method !== "GET") {
    early.answers = {};
    return null;
  }
  const answer = early.answers[url];
  if (!answer) return null;
  delete early.answers[url];
  return Date.now() - early.at < EARLY_ANSWER_MS ? answer : null;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const url = withQuery(path, options.query);
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method)) headers[CSRF_HEADER] = await csrfToken();

  let res: Response;
  try {
    // An early answer that failed on the network is asked for again, as any first call would be.
    const early = takeEarlyAnswer(url, method);
    res =
      (early && (await early.catch(() => null))) ||
      (await fetch(url, {
        method,
        headers,
        body,
        credentials: "same-origin",
        signal: options.signal,
      }));
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError({ status: 0, code: "network", message: NETWORK_MESSAGE });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && options.redirectOn401 !== false) {
      for (const listener of unauthorizedListeners) listener();
    }
    if (res.status === 403 && error.code === "auth.passwordChangeRequired") {
      for (const listener of passwordChangeListeners) listener();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) =>
    apiRequest<T>(path, { method: "POST", body, query }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PUT", body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PATCH", body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: "DELETE" }),
};
