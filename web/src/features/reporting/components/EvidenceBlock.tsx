import { CloudUploadOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ALL_EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  evidenceTypeOfName,
} from "../../../../../core/src/reporting/evidence-rules";
import { formatDateTimeVi } from "../../../lib/dates";
import { useMe } from "../../auth/auth.queries";
import { fileSize as size } from "../../offline/file-size";
import { outcomeOf, QUEUED_FILES_MAX_BYTES, QueueFullError, queueFile } from "../../offline/outbox";
import { useQueuedFiles } from "../../offline/useQueuedFiles";
import { type Evidence, evidenceDownloadUrl } from "../reporting.api";
import { useAddEvidenceLink, useUploadEvidence } from "../reporting.queries";

const ACCEPT = ALL_EVIDENCE_EXTENSIONS.join(",");

/** Evidence of one entry (or of the whole report): files up to 20 MB and links. */
export function EvidenceBlock({
  reportId,
  entryId,
  items,
  canEdit,
}: {
  reportId: string;
  entryId: string | null;
  items: Evidence[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadEvidence();
  const link = useAddEvidenceLink();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const userId = useMe().data?.user.id ?? null;
  const queued = useQueuedFiles(reportId, entryId);

  // A photo taken without a connection waits on the device (up to a cap) and goes when it returns.
  const keep = async (file: File) => {
    if (!userId) return;
    try {
      await queueFile({
        userId,
        reportId,
        entryId,
        name: file.name,
        type: file.type,
        size: file.size,
        blob: file,
      });
      message.warning(t("reporting.evidence.queued", { name: file.name }), 6);
    } catch (e) {
      message.error(
        e instanceof QueueFullError
          ? t("reporting.evidence.queueFull", { limit: size(QUEUED_FILES_MAX_BYTES) })
          : (e as Error).message,
        8,
      );
    }
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = "";
    // Refused here, on the device, before anything is sent or queued.
    if (!evidenceTypeOfName(file.name)) {
      message.error(
        t("reporting.evidence.wrongType", { name: file.name, types: ALL_EVIDENCE_EXTENSIONS.join(", ") }),
        8,
      );
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      message.error(t("reporting.evidence.tooLarge", { name: file.name }), 8);
      return;
    }
    if (!navigator.onLine) {
      void keep(file);
      return;
    }
    upload.mutate(
      { id: reportId, file, entryId },
      {
        onSuccess: () => message.success(t("reporting.evidence.uploaded", { name: file.name })),
        onError: (e) => (outcomeOf(e) === "offline" ? void keep(file) : message.error(e.message)),
      },
    );
  };

  const addLink = () =>
    link.mutate(
      { id: reportId, url: url.trim(), title: "", entryId },
      {
        onSuccess: () => setUrl(""),
        onError: (e) => message.error(e.message),
      },
    );

  return (
    <div>
      <Typography.Text type="secondary">{t("reporting.evidence.title")}</Typography.Text>
      {queued.map((f) => (
        <div key={f.key} data-testid="evidence-queued">
          <Typography.Text type="warning">
            <CloudUploadOutlined /> {f.name} ({size(f.size)}) · {t("reporting.evidence.pending")}
          </Typography.Text>
        </div>
      ))}
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(ev) => (
            <List.Item>
              {ev.kind === "file" ? (
                <a href={evidenceDownloadUrl(ev.id)} data-testid="evidence-item">
                  <PaperClipOutlined /> {ev.fileName} ({size(ev.size)})
                </a>
              ) : (
                <a href={ev.url ?? "#"} target="_blank" rel="noopener noreferrer" data-testid="evidence-item">
                  <LinkOutlined /> {ev.title || ev.url}
                </a>
              )}
              <Typography.Text type="secondary">{formatDateTimeVi(ev.createdAt)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <div>
          <Typography.Text type="secondary" italic>
            {t("reporting.evidence.none")}
          </Typography.Text>
        </div>
      )}
      {canEdit ? (
        <Space wrap style={{ marginTop: 6 }}>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="evidence-file"
            aria-label={t("reporting.evidence.upload")}
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            {t("reporting.evidence.upload")}
          </Button>
          <Space.Compact>
            <Input
              size="small"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-label={t("reporting.evidence.link")}
              style={{ width: 260 }}
            />
            <Button
              size="small"
              icon={<LinkOutlined />}
              disabled={!url.trim()}
              loading={link.isPending}
              onClick={addLink}
            >
              {t("reporting.evidence.addLink")}
            </Button>
          </Space.Compact>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("reporting.evidence.hint")}
          </Typography.Text>
        </Space>
      ) : null}
    </div>
  );
}
