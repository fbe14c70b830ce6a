import { CloudUploadOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTimeVi } from "../../../lib/dates";
import { fileSize as size } from "../../offline/file-size";
import { useQueuedFiles } from "../../offline/useQueuedFiles";
import { type Evidence, evidenceDownloadUrl } from "../reporting.api";
import { useAddEvidenceLink } from "../reporting.queries";
import { useEvidencePicker } from "./useEvidencePicker";

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
  const link = useAddEvidenceLink();
  const picker = useEvidencePicker({ reportId, entryId });
  const [url, setUrl] = useState("");
  const queued = useQueuedFiles(reportId, entryId);

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
          {picker.fileInput("evidence-file")}
          <Button size="small" icon={<UploadOutlined />} loading={picker.uploading} onClick={picker.open}>
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
