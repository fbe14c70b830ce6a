import type { z } from "zod";
import type { changePasswordBody, loginBody, MeResponse } from "../../../../core/src/api/auth.schemas";
import { apiRequest, isApiError } from "../../lib/api-client";
import { setProvinceTimeZone } from "../../lib/clock";

export type { MeResponse };
export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await apiRequest<MeResponse>("/api/me", { redirectOn401: false });
    setProvinceTimeZone(me.timeZone);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export async function login(input: LoginInput) {
  const me = await apiRequest<MeResponse>("/api/auth/login", {
    method: "POST",
    body: input,
    redirectOn401: false,
  });
  setProvinceTimeZone(me.timeZone);
  return me;
}

export const logout = () =>
  apiRequest<{ ok: true }>("/api/auth/logout", { method: "POST", redirectOn401: false });

export const changePassword = (input: ChangePasswordInput) =>
  apiRequest<{ ok: true }>("/api/auth/change-password", { method: "POST", body: input });
