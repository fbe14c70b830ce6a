import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Query } from "../../../lib/api-client";
import {
  addItemLink,
  commentOnItem,
  deleteItemFile,
  fetchItem,
  fetchItems,
  transitionItem,
  uploadItemFile,
} from "./items.api";

export const itemKeys = {
  all: ["followUpItems"] as const,
  list: (q: Query) => ["followUpItems", "list", q] as const,
  item: (id: string) => ["followUpItems", "item", id] as const,
};

export const useItems = (q: Query, enabled = true) =>
  useQuery({
    queryKey: itemKeys.list(q),
    queryFn: () => fetchItems(q),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useItem = (id: string | null) =>
  useQuery({
    queryKey: itemKeys.item(id ?? ""),
    queryFn: () => fetchItem(id as string),
    enabled: Boolean(id),
  });

/** Every write changes the list (its states, counts) and the item, and may notify the actor's unit. */
const withInvalidate =
  <A, R>(fn: (a: A) => Promise<R>) =>
  () => {
    const qc = useQueryClient();
    return useMutation({
      mutationFn: fn,
      onSuccess: () =>
        Promise.all([
          qc.invalidateQueries({ queryKey: itemKeys.all }),
          qc.invalidateQueries({ queryKey: ["notifications"] }),
        ]),
    });
  };

export const useItemTransition = withInvalidate(transitionItem);
export const useItemComment = withInvalidate(commentOnItem);
export const useUploadItemFile = withInvalidate(uploadItemFile);
export const useAddItemLink = withInvalidate(addItemLink);
export const useDeleteItemFile = withInvalidate(deleteItemFile);
