import { LinkOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTimeVi } from "../../../lib/dates";
import { type Evidence, evidenceDownloadUrl } from "../reporting.api";
import { useAddEvidenceLink, useUploadEvidence } from "../reporting.queries";

const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp";
const MAX_BYTES = 20 * 1024 * 1024;

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

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

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      message.error(t("reporting.evidence.tooLarge", { name: file.name }));
      return;
    }
    upload.mutate(
      { id: reportId, file, entryId },
      {
        onSuccess: () => message.success(t("reporting.evidence.uploaded", { name: file.name })),
        onError: (e) => message.error(e.message),
      },
    );
    if (input.current) input.current.value = "";
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
