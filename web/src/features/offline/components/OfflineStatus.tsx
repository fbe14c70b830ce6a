import { CloudUploadOutlined, DisconnectOutlined } from "@ant-design/icons";
import { Button, Modal } from "antd";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth/auth.queries";
import {
  isClaimed,
  listOutbox,
  onOutboxChange,
  type QueuedEdit,
  type QueuedFile,
  syncOutbox,
} from "../outbox";

// The list (with its copy buttons) loads when opened: the header of every page stays light.
const OutboxList = lazy(() => import("./OutboxList").then((m) => ({ default: m.OutboxList })));

/** How often waiting items are tried again while the browser believes it is online. */
const RETRY_MS = 30_000;

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

/**
 * The header's word on the connection: "Mất kết nối" when offline, and what this person has typed or
 * attached that the server does not have yet, with what stops it (a conflict, a refusal) and her text
 * to copy. It also sends the waiting items in order when the connection returns.
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const userId = useMe().data?.user.id ?? null;
  const online = useOnline();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<{ edits: QueuedEdit[]; files: QueuedFile[] }>({ edits: [], files: [] });

  const reload = useCallback(() => {
    // An open form's text on its way to the server (typed online, saved in a moment) is not waiting.
    if (userId)
      void listOutbox(userId).then(
        ({ edits, files }) =>
          setItems({ edits: edits.filter((e) => e.offline || e.problem || !isClaimed(e.key)), files }),
        () => undefined,
      );
  }, [userId]);
  useEffect(() => {
    reload();
    return onOutboxChange(reload);
  }, [reload]);

  const waiting = items.edits.length + items.files.length;
  useEffect(() => {
    if (!userId || !online) return;
    void syncOutbox(userId).catch(() => undefined);
    if (!waiting) return;
    const every = window.setInterval(() => void syncOutbox(userId).catch(() => undefined), RETRY_MS);
    return () => window.clearInterval(every);
  }, [userId, online, waiting]);

  return (
    <>
      {online ? null : (
        <span className="offline-note" role="status" data-testid="offline-tag">
          <DisconnectOutlined /> {t("offline.noConnection")}
        </span>
      )}
      {waiting ? (
        <Button
          type="text"
          icon={<CloudUploadOutlined />}
          aria-label={t("offline.count", { count: waiting })}
          title={t("offline.count", { count: waiting })}
          onClick={() => setOpen(true)}
          data-testid="outbox-button"
          data-count={waiting}
        >
          {waiting}
        </Button>
      ) : null}
      <Modal
        open={open && waiting > 0}
        title={t("offline.count", { count: waiting })}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Suspense fallback={null}>
          <OutboxList edits={items.edits} files={items.files} onOpenReport={() => setOpen(false)} />
        </Suspense>
      </Modal>
    </>
  );
}
