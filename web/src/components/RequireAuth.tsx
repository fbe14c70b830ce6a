import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { meKey, useMe } from "../features/auth/auth.queries";
import { onPasswordChangeRequired, onUnauthorized } from "../lib/api-client";
import { PageLoading } from "./PageLoading";
import { QueryErrorAlert } from "./QueryErrorAlert";

const loginPath = (path: string) => `/login?next=${encodeURIComponent(path)}`;

/** Shows its routes only to a signed-in user; otherwise sends to the login page, keeping the intended URL. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();

  useEffect(
    () =>
      onUnauthorized(() => {
        // The session ended (expired, or signed out in another tab): back to login, then here again.
        qc.setQueryData(meKey, null);
        navigate(loginPath(window.location.pathname + window.location.search), { replace: true });
      }),
    [qc, navigate],
  );
  // The account must change its issued password (an administrator reset it meanwhile): reading /api/me
  // again makes the layout show the change-password dialog and nothing else.
  useEffect(() => onPasswordChangeRequired(() => qc.invalidateQueries({ queryKey: meKey })), [qc]);

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <QueryErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}
