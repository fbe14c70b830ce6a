import fs from "node:fs";
import path from "node:path";
import { PASSWORD_MIN_LENGTH } from "../../../../core/src/api/auth.schemas";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { badRequest } from "../../app/errors";
import { PROJECT_ROOT } from "../../app/paths";

/**
 * The password rule, as NIST SP 800-63B (5.1.1.2) puts it: long enough, not a known common or
 * breached password, not built from the account's own name, and no composition rules (they make
 * people write "Matkhau@123"). Every place that sets a password calls it: the user's own change, an
 * administrator's create and reset, `chiso admin create` and CHISO_ADMIN_PASSWORD at start-up.
 */

/** Lower case, no diacritics, letters and digits only: "Mật khẩu 123!" and "matkhau123" are one guess. */
const fold = (text: string) => foldForMatch(text).replace(/ /g, "");

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  // From the project root, so the server bundle in server/dist reads the same file as the sources.
  common ??= new Set(
    fs
      .readFileSync(path.join(PROJECT_ROOT, "server/src/features/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map(fold)
      .filter(Boolean),
  );
  return common;
}

/** Only one or two characters repeated, or one run of consecutive characters ("abcdefghij", "9876543210"). */
function isTrivial(folded: string): boolean {
  if (new Set(folded).size <= 2) return true;
  const step = folded.charCodeAt(1) - folded.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < folded.length; i++)
    if (folded.charCodeAt(i) - folded.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Why `password` is refused for this account, in Vietnamese; null when it is acceptable. */
export function passwordProblem({
  password,
  username,
  displayName,
}: {
  password: string;
  username: string;
  displayName?: string | null;
}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  const folded = fold(password);
  const name = fold(username);
  // Short names ("xem") would refuse ordinary words that happen to contain them: equality only.
  if (name && (folded === name || (name.length >= 4 && folded.includes(name))))
    return "Mật khẩu không được chứa tên đăng nhập.";
  if (isTrivial(folded || password.toLowerCase()))
    return "Mật khẩu chỉ gồm ký tự lặp lại hoặc liên tiếp nên rất dễ đoán. Hãy chọn mật khẩu khác.";
  const person = fold(displayName ?? "");
  if (person.length >= 4 && folded.includes(person)) return "Mật khẩu không được chứa họ tên của người dùng.";
  if (commonPasswords().has(folded))
    return "Mật khẩu này quá phổ biến hoặc đã lộ trong các vụ rò rỉ dữ liệu nên dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.";
  return null;
}

/** Throws 400 `auth.weakPassword` naming why the password is refused. */
export function assertAcceptablePassword(input: Parameters<typeof passwordProblem>[0]) {
  const problem = passwordProblem(input);
  if (problem) throw badRequest("auth.weakPassword", problem);
}
