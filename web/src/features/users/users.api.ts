import type { z } from "zod";
import type {
  User,
  userCreateBody,
  userImportResult,
  userListQuery,
  userUpdateBody,
} from "../../../../core/src/api/users.schemas";
import { api, apiRequest } from "../../lib/api-client";

export type { User };
export type UserListQuery = Partial<z.infer<typeof userListQuery>>;
export type UserCreateInput = z.input<typeof userCreateBody>;
export type UserUpdateInput = z.input<typeof userUpdateBody>;

export const fetchUsers = (query: UserListQuery) =>
  api.get<{ users: User[]; total: number }>("/api/users", query);

export const createUser = (input: UserCreateInput) =>
  api.post<{ user: User }>("/api/users", input).then((r) => r.user);

export const updateUser = ({ id, input }: { id: string; input: UserUpdateInput }) =>
  api.patch<{ user: User }>(`/api/users/${id}`, input).then((r) => r.user);

export const resetUserPassword = ({ id, password }: { id: string; password: string }) =>
  api.post<{ ok: true }>(`/api/users/${id}/reset-password`, { password });

export type UserImportResult = z.infer<typeof userImportResult>;
/** Sends the workbook; with commit=false the server only checks it and answers a preview. */
export function importUsers({ file, commit }: { file: File; commit: boolean }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<UserImportResult>("/api/users/import", {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false" },
  });
}
