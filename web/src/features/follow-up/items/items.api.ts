import type { z } from "zod";
import type {
  itemDetail,
  itemEvent,
  itemFile,
  itemListResponse,
  itemRow,
} from "../../../../../core/src/api/follow-up-items.schemas";
import type { FollowUpAction } from "../../../../../core/src/follow-up/items";
import { api, apiRequest, type Query } from "../../../lib/api-client";

export type ItemRow = z.infer<typeof itemRow>;
export type ItemList = z.infer<typeof itemListResponse>;
export type ItemDetail = z.infer<typeof itemDetail>;
export type ItemEvent = z.infer<typeof itemEvent>;
export type ItemFile = z.infer<typeof itemFile>;

/** The list's filters as the page and embedding pages give them (ids, keys, dates as the API takes them). */
export type ItemFilter = {
  kind?: string;
  state?: string;
  status?: string;
  /** Whose move the items wait for: "unit" (the unit's work list), "follower", "any" (not finished). */
  awaiting?: string;
  /** The index component the items are linked to (the coverage view's links). */
  versionCode?: string;
  componentCode?: string;
  unitId?: string;
  followerUnitId?: string;
  inspectionId?: string;
  findingId?: string;
  dialogueId?: string;
  q?: string;
  dueFrom?: string;
  dueTo?: string;
};

export type TransitionInput = {
  action: FollowUpAction;
  version: number;
  reason?: string;
  unitId?: string;
  dueDate?: string | null;
  answer?: string;
};

const base = "/api/follow-up/items";
export const itemsExportPath = `${base}.xlsx`;
export const itemFileUrl = (id: string, fileId: string) => `${base}/${id}/files/${fileId}`;

export const fetchItems = (q: Query) => api.get<ItemList>(base, q);
export const fetchItem = (id: string) => api.get<{ item: ItemDetail }>(`${base}/${id}`).then((x) => x.item);
export const transitionItem = ({ id, ...body }: TransitionInput & { id: string }) =>
  api.post<{ item: ItemDetail }>(`${base}/${id}/transitions`, body).then((x) => x.item);
export const commentOnItem = ({ id, body }: { id: string; body: string }) =>
  api.post<{ item: ItemDetail }>(`${base}/${id}/comments`, { body }).then((x) => x.item);
export function uploadItemFile({ id, file }: { id: string; file: File }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<{ file: ItemFile }>(`${base}/${id}/files`, { method: "POST", body: form }).then(
    (x) => x.file,
  );
}
export const addItemLink = ({ id, url, title }: { id: string; url: string; title: string }) =>
  api.post<{ file: ItemFile }>(`${base}/${id}/links`, { url, title }).then((x) => x.file);
export const deleteItemFile = ({ id, fileId }: { id: string; fileId: string }) =>
  api.delete<{ item: ItemDetail }>(`${base}/${id}/files/${fileId}`).then((x) => x.item);
