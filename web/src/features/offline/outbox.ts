/**
 * The outbox: what this person typed or attached that the server has not accepted yet, kept on the
 * device (IndexedDB) so that a reload, a closed tab or a dropped connection loses nothing. Records are
 * tagged with the user id; only hers are shown and sent, and only under her own session. Sending goes
 * through the same endpoints and the same version checks as the form: a conflict is never settled here.
 */
import { type ApiError, isApiError } from "../../lib/api-client";
import { queryClient } from "../../lib/query-client";
import { allRecords, deleteRecord, getRecord, putRecord } from "./device-store";

export type EditKind = "entry" | "general";

/** Why a queued item is waiting: a conflict to settle in the form, or a refusal (report sent, locked). */
export type Problem = { kind: "conflict" | "refused"; message: string };

export type QueuedEdit = {
  key: string;
  userId: string;
  kind: EditKind;
  /** The entry's id, or the report's for its general part. */
  targetId: string;
  reportId: string;
  label: string;
  /** Only the fields typed since the last save, with the version they were typed on. */
  values: Record<string, unknown>;
  baseVersion: number;
  /** Queue order: the time it was first queued. */
  seq: number;
  /** Set when a save failed for want of a connection (an edit being typed online is not "waiting"). */
  offline?: boolean;
  problem?: Problem;
};

export type QueuedFile = {
  key: string;
  userId: string;
  reportId: string;
  entryId: string | null;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  seq: number;
  problem?: Problem;
};

/** What the device keeps at most for photos and files waiting for the connection. */
export const QUEUED_FILES_MAX_BYTES = 60 * 1024 * 1024;

export const editKey = (userId: string, kind: EditKind, targetId: string) => `${userId}:${kind}:${targetId}`;

let lastSeq = 0;
/** Strictly increasing, so that two items queued in the same millisecond keep their order. */
export const nextSeq = () => {
  lastSeq = Math.max(lastSeq + 1, Date.now());
  return lastSeq;
};

const listeners = new Set<() => void>();
export function onOutboxChange(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const changed = () => {
  for (const l of listeners) l();
};

export const loadEdit = (key: string) => getRecord<QueuedEdit>("edits", key);
export async function saveEdit(edit: QueuedEdit) {
  await putRecord("edits", edit);
  changed();
}
export async function removeEdit(key: string) {
  await deleteRecord("edits", key);
  changed();
}
export async function removeFile(key: string) {
  await deleteRecord("files", key);
  changed();
}

/** Her queued items, oldest first. */
export async function listOutbox(userId: string) {
  const [edits, files] = await Promise.all([
    allRecords<QueuedEdit>("edits"),
    allRecords<QueuedFile>("files"),
  ]);
  return {
    edits: edits.filter((e) => e.userId === userId).sort((a, b) => a.seq - b.seq),
    files: files.filter((f) => f.userId === userId).sort((a, b) => a.seq - b.seq),
  };
}

export class QueueFullError extends Error {}

/** Keeps a file for sending later; refused when the device already holds the cap. */
export async function queueFile(file: Omit<QueuedFile, "key" | "seq">) {
  const held = (await allRecords<QueuedFile>("files")).reduce((sum, f) => sum + f.size, 0);
  if (held + file.size > QUEUED_FILES_MAX_BYTES) throw new QueueFullError();
  const seq = nextSeq();
  await putRecord("files", { ...file, key: `${file.userId}:file:${seq}`, seq });
  changed();
}

/** What a failed send means for the item. */
export type Outcome = "offline" | "conflict" | "refused" | "error";
export function outcomeOf(e: unknown): Outcome {
  if (!isApiError(e)) return "error";
  if (e.status === 0) return "offline";
  if (e.status === 409 && e.code.endsWith(".conflict")) return "conflict";
  // The report was sent, accepted or locked meanwhile, or is no longer hers.
  if (e.status === 403 || e.status === 404 || e.status === 409 || e.status === 423) return "refused";
  return "error";
}

/** True when the saved record already holds exactly what she typed (a save whose answer was lost). */
export function alreadySaved(values: Record<string, unknown>, current: unknown): boolean {
  if (!current || typeof current !== "object") return false;
  const saved = current as Record<string, unknown>;
  return Object.keys(values).every((k) => JSON.stringify(values[k]) === JSON.stringify(saved[k]));
}

/** Keys of edits whose form is open: that form sends them itself (and opens the conflict dialog). */
const claimed = new Set<string>();
export const isClaimed = (key: string) => claimed.has(key);
export function claimEdit(key: string) {
  claimed.add(key);
  return () => {
    claimed.delete(key);
  };
}

async function sendEdit(edit: QueuedEdit): Promise<void> {
  const { patchEntry, patchReport, fetchReport } = await import("../reporting/reporting.api");
  const patch = { ...edit.values, version: edit.baseVersion };
  try {
    if (edit.kind === "entry") await patchEntry({ id: edit.targetId, patch });
    else await patchReport({ id: edit.targetId, patch });
  } catch (e) {
    if (outcomeOf(e) !== "conflict") throw e;
    // The 409 of an entry carries the saved entry; that of a report only its summary.
    const details = (e as ApiError).details as { current?: unknown } | undefined;
    const current =
      edit.kind === "entry" ? details?.current : await fetchReport(edit.targetId).catch(() => null);
    if (!alreadySaved(edit.values, current)) throw e;
  }
}

async function sendFile(file: QueuedFile): Promise<void> {
  const { uploadEvidence } = await import("../reporting/reporting.api");
  await uploadEvidence({
    id: file.reportId,
    entryId: file.entryId,
    file: new File([file.blob], file.name, { type: file.type }),
  });
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends her queued items in the order they were made, stopping at the first one the connection
 * refuses (the rest wait behind it). Items with a problem wait for her; open forms send their own.
 */
export function syncOutbox(userId: string): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await syncOnce(userId);
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function syncOnce(userId: string) {
  if (typeof navigator !== "undefined" && !navigator.onLine) return;
  const { edits, files } = await listOutbox(userId);
  const items = [
    ...edits.map((e) => ({ seq: e.seq, edit: e, file: null })),
    ...files.map((f) => ({ seq: f.seq, edit: null, file: f })),
  ].sort((a, b) => a.seq - b.seq);
  let sent = 0;
  for (const item of items) {
    const record = item.edit ?? item.file;
    if (!record || record.problem || (item.edit && claimed.has(item.edit.key))) continue;
    try {
      if (item.edit) await sendEdit(item.edit);
      else if (item.file) await sendFile(item.file);
      if (item.edit) await removeEdit(item.edit.key);
      else await removeFile(record.key);
      sent++;
    } catch (e) {
      const outcome = outcomeOf(e);
      // No connection, or the server is struggling: this item and those behind it wait for the next try.
      if (outcome === "offline" || (isApiError(e) && (e.status >= 500 || e.status === 429))) break;
      const message = (e as Error).message;
      const problem: Problem = { kind: outcome === "conflict" ? "conflict" : "refused", message };
      if (item.edit) await saveEdit({ ...item.edit, problem });
      else if (item.file) {
        await putRecord("files", { ...item.file, problem });
        changed();
      }
    }
  }
  if (sent) await queryClient.invalidateQueries({ queryKey: ["reporting"] });
}
