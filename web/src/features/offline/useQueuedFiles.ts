import { useEffect, useState } from "react";
import { useMe } from "../auth/auth.queries";
import { listOutbox, onOutboxChange, type QueuedFile } from "./outbox";

/** Her files for one evidence block that wait on this device for the connection. */
export function useQueuedFiles(reportId: string, entryId: string | null): QueuedFile[] {
  const userId = useMe().data?.user.id ?? null;
  const [files, setFiles] = useState<QueuedFile[]>([]);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    const reload = () =>
      void listOutbox(userId).then(
        ({ files: all }) =>
          live && setFiles(all.filter((f) => f.reportId === reportId && f.entryId === entryId)),
        () => undefined,
      );
    reload();
    const stop = onOutboxChange(reload);
    return () => {
      live = false;
      stop();
    };
  }, [userId, reportId, entryId]);
  return files;
}
