/**
 * The device's own store (IndexedDB), written to directly: two object stores and a handful of calls
 * do not justify a library (the `idb` wrapper would add little but promises around the same calls).
 * It holds what this person typed or attached and the server has not yet accepted ("edits", "files"),
 * and the few answers she needs to go on working without a connection ("answers", see
 * answer-copies.ts), each record tagged with her user id.
 */
const DB_NAME = "chiso-offline";
const DB_VERSION = 2;
export type StoreName = "edits" | "files" | "answers";

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains("edits")) db.createObjectStore("edits", { keyPath: "key" });
      if (!db.objectStoreNames.contains("files")) db.createObjectStore("files", { keyPath: "key" });
      if (!db.objectStoreNames.contains("answers")) db.createObjectStore("answers", { keyPath: "key" });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opened = null;
      reject(req.error);
    };
  });
  return opened;
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export async function putRecord<T extends { key: string }>(store: StoreName, value: T): Promise<void> {
  const db = await open();
  await done(db.transaction(store, "readwrite").objectStore(store).put(value));
}

export async function getRecord<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await open();
  return (await done(db.transaction(store).objectStore(store).get(key))) as T | undefined;
}

export async function deleteRecord(store: StoreName, key: string): Promise<void> {
  const db = await open();
  await done(db.transaction(store, "readwrite").objectStore(store).delete(key));
}

export async function allRecords<T>(store: StoreName): Promise<T[]> {
  const db = await open();
  return (await done(db.transaction(store).objectStore(store).getAll())) as T[];
}
