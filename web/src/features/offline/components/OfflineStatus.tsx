import { CloudUploadOutlined, DisconnectOutlined } from "@ant-design/icons";
import { Badge, Button, Flex, Popconfirm, Popover, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../auth/auth.queries";
import {
  listOutbox,
  onOutboxChange,
  type QueuedEdit,
  type QueuedFile,
  removeEdit,
  removeFile,
  syncOutbox,
} from "../outbox";
import { fileSize } from "../file-size";

/** How often waiting items are tried again while the browser believes it is online. */
const RETRY_MS = 30_000;

/** A queued edit as text she can copy: each field typed, one per line. */
function editText(edit: QueuedEdit): string {
  return Object.values(edit.values)
    .map((v) =>
      Array.isArray(v)
        ? v.map((f: { measure?: string; value?: unknown }) => `${f.measure}: ${f.value ?? "—"}`).join("\n")
        : v === null || v === undefined
          ? ""
          : String(v),
    )
    .filter(Boolean)
    .join("\n");
}

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
  const [items, setItems] = useState<{ edits: QueuedEdit[]; files: QueuedFile[] }>({ edits: [], files: [] });

  const reload = useCallback(() => {
    if (userId) void listOutbox(userId).then(setItems, () => undefined);
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

  const problemText = (p: QueuedEdit["problem"]) =>
    !p ? t("offline.waiting") : p.kind === "conflict" ? t("offline.conflict") : t("offline.refused", { message: p.message });

  const content = (
    <Flex vertical gap={12} style={{ maxWidth: 360 }} data-testid="outbox-list">
      {items.edits.map((e) => (
        <div key={e.key} data-testid="outbox-item">
          <Typography.Text strong>{e.label}</Typography.Text>
          <div>
            <Typography.Text type={e.problem ? "danger" : "secondary"}>{problemText(e.problem)}</Typography.Text>
          </div>
          <Typography.Paragraph copyable ellipsis={{ rows: 4, expandable: true }} style={{ marginBottom: 4 }}>
            {editText(e)}
          </Typography.Paragraph>
          <Flex gap={8}>
            <Link to={`/reports/${e.reportId}`}>{t("offline.openReport")}</Link>
            {e.problem?.kind === "refused" ? (
              <Popconfirm title={t("offline.discardConfirm")} onConfirm={() => void removeEdit(e.key)}>
                <Button size="small" type="link" danger>
                  {t("offline.discard")}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </div>
      ))}
      {items.files.map((f) => (
        <div key={f.key} data-testid="outbox-item">
          <Typography.Text strong>{t("offline.file", { name: f.name, size: fileSize(f.size) })}</Typography.Text>
          <div>
            <Typography.Text type={f.problem ? "danger" : "secondary"}>{problemText(f.problem)}</Typography.Text>
          </div>
          <Flex gap={8}>
            <Link to={`/reports/${f.reportId}`}>{t("offline.openReport")}</Link>
            {f.problem ? (
              <Popconfirm title={t("offline.discardConfirm")} onConfirm={() => void removeFile(f.key)}>
                <Button size="small" type="link" danger>
                  {t("offline.discard")}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </div>
      ))}
    </Flex>
  );

  return (
    <>
      {online ? null : (
        <Tag icon={<DisconnectOutlined />} color="warning" data-testid="offline-tag" style={{ marginInlineEnd: 0 }}>
          {t("offline.noConnection")}
        </Tag>
      )}
      {waiting ? (
        <Popover content={content} title={t("offline.title")} trigger="click" placement="bottomRight">
          <Badge count={waiting} size="small">
            <Button
              type="text"
              icon={<CloudUploadOutlined />}
              aria-label={t("offline.count", { count: waiting })}
              title={t("offline.count", { count: waiting })}
              data-testid="outbox-button"
              data-count={waiting}
            />
          </Badge>
        </Popover>
      ) : null}
    </>
  );
}
