import type { z } from "zod";
import type { changePasswordBody, loginBody, MeResponse } from "../../../../core/src/api/auth.schemas";
import { apiRequest, isApiError } from "../../lib/api-client";
import { setProvinceTimeZone } from "../../lib/clock";
import { keepMe, loadMe } from "../offline/answer-copies";

export type { MeResponse };
export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

/** The signed-in user, or null when there is no session; without a connection, as last seen here. */
export async function fetchMe(): Promise<MeResponse | null> {
  const me = await loadMe(async () => {
    try {
      return await apiRequest<MeResponse>("/api/me", { redirectOn401: false });
    } catch (e) {
      if (isApiError(e) && e.status === 401) return null;
      throw e;
    }
  });
  if (me) setProvinceTimeZone(me.timeZone);
  return me;
}

export async function login(input: LoginInput) {
  const me = await apiRequest<MeResponse>("/api/auth/login", {
    method: "POST",
    body: input,
    redirectOn401: false,
  });
  setProvinceTimeZone(me.timeZone);
  await keepMe(me);
  return me;
}

export const logout = () =>
  apiRequest<{ ok: true }>("/api/auth/logout", { method: "POST", redirectOn401: false });

export const changePassword = (input: ChangePasswordInput) =>
  apiRequest<{ ok: true }>("/api/auth/change-password", { method: "POST", body: input });
