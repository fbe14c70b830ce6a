import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { forgetAnswers } from "../offline/answer-copies";
import { changePassword, fetchMe, login, logout, type MeResponse } from "./auth.api";

export type { MeResponse };

export const meKey = ["me"] as const;

// "always": without a connection the answer comes from the device (offline/answer-copies.ts); react-query
// would otherwise hold the query paused and the app would show nothing after an offline reload.
export const useMe = () =>
  useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, networkMode: "always" });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Another user's cached lists must never show after a new sign-in.
      qc.clear();
      qc.setQueryData<MeResponse | null>(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      void forgetAnswers(qc.getQueryData<MeResponse | null>(meKey)?.user.id ?? null);
      qc.clear();
      qc.setQueryData<MeResponse | null>(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
