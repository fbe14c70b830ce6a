import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changePassword, fetchMe, login, logout, type MeResponse } from "./auth.api";

export type { MeResponse };

export const meKey = ["me"] as const;

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

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
