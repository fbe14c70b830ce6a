import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { homeResponse } from "../../../../core/src/api/home.schemas";
import { api } from "../../lib/api-client";

export type Home = z.infer<typeof homeResponse>;

export const useHome = () => useQuery({ queryKey: ["home"], queryFn: () => api.get<Home>("/api/home") });
