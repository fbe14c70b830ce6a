import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): strong against GPUs, cheap enough that a
// burst of logins does not exhaust the server's memory.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword({ hash, password }: { hash: string; password: string }) {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | null = null;
export const getDummyHash = () => {
  dummyHash ??= hashPassword("chiso-dummy-password-for-timing");
  return dummyHash;
};
