import { BENCH_PASSWORD } from "../accounts";

/** What a signed-in browser sends: both cookies, and the CSRF token again as a header. */
export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

function cookieValue({ setCookies, name }: { setCookies: string[]; name: string }) {
  for (const raw of setCookies) {
    const [pair] = raw.split(";");
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1);
  }
  return null;
}

/** A fresh CSRF cookie, as the page gets it on first load. */
export async function fetchCsrf(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf = cookieValue({ setCookies: res.headers.getSetCookie(), name: "chiso_csrf" });
  if (!csrf) throw new Error("GET /api/auth/csrf set no chiso_csrf cookie");
  return csrf;
}

/** Logs in as a generated user the way the web client does. */
export async function login({ baseUrl, username }: { baseUrl: string; username: string }): Promise<Session> {
  const csrf = await fetchCsrf(baseUrl);
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `chiso_csrf=${csrf}`, "x-csrf-token": csrf },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const sid = cookieValue({ setCookies: res.headers.getSetCookie(), name: "chiso_sid" });
  if (!sid) throw new Error(`login as ${username} set no chiso_sid cookie`);
  // Signed in, writes carry the token bound to the session, which the login answer sets.
  const bound = cookieValue({ setCookies: res.headers.getSetCookie(), name: "chiso_csrf" });
  if (!bound) throw new Error(`login as ${username} set no session-bound chiso_csrf cookie`);
  return { username, cookie: `chiso_csrf=${bound}; chiso_sid=${sid}`, csrf: bound };
}
