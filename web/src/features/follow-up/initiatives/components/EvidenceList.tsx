import { DeleteOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Popconfirm, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ALL_EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  evidenceTypeOfName,
} from "../../../../../../core/src/reporting/evidence-rules";
import { formatDateTimeVi } from "../../../../lib/dates";
import { fileSize } from "../../../offline/file-size";
import { type InitiativeDetail, initiativeFileUrl } from "../initiatives.api";
import {
  useAddInitiativeLink,
  useRemoveInitiativeFile,
  useUploadInitiativeFile,
} from "../initiatives.queries";

/**
 * The evidence of an initiative's result: files (checked on the device by the server's own rules,
 * core/src/reporting/evidence-rules.ts) and links; the unit adds and removes them while it may still
 * write the result.
 */
export function EvidenceList({ initiative: i }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadInitiativeFile();
  const addLink = useAddInitiativeLink();
  const remove = useRemoveInitiativeFile();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const fail = (e: Error) => message.error(e.message, 8);

  const onFile = (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (!evidenceTypeOfName(file.name))
      return message.error(
        t("followUp.initiatives.evidence.wrongType", {
          name: file.name,
          types: ALL_EVIDENCE_EXTENSIONS.join(", "),
        }),
        8,
      );
    if (file.size > EVIDENCE_MAX_BYTES)
      return message.error(t("followUp.initiatives.evidence.tooLarge", { name: file.name }), 8);
    upload.mutate(
      { id: i.id, file },
      { onSuccess: () => message.success(t("followUp.initiatives.evidence.uploaded")), onError: fail },
    );
  };

  return (
    <div>
      <Typography.Title level={5}>{t("followUp.initiatives.evidence.title")}</Typography.Title>
      {i.files.length ? (
        <List
          size="small"
          dataSource={i.files}
          data-testid="initiative-files"
          renderItem={(f) => (
            <List.Item
              actions={
                i.can.attach
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t("followUp.initiatives.evidence.confirmRemove")}
                        okText={t("followUp.initiatives.evidence.remove")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => remove.mutate({ id: i.id, fileId: f.id }, { onError: fail })}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t("followUp.initiatives.evidence.remove")}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                {f.kind === "file" ? (
                  <a href={initiativeFileUrl(i.id, f.id)} style={{ wordBreak: "break-word" }}>
                    <PaperClipOutlined /> {f.fileName} ({fileSize(f.size)})
                  </a>
                ) : (
                  <a
                    href={f.url ?? "#"}
                    target="_blank"
                    rel="noopener noreferrer"
                    style={{ wordBreak: "break-all" }}
                  >
                    <LinkOutlined /> {f.title || f.url}
                  </a>
                )}
                <Typography.Text type="secondary">{formatDateTimeVi(f.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary" italic>
          {t("followUp.initiatives.evidence.none")}
        </Typography.Text>
      )}
      {i.can.attach ? (
        <Space orientation="vertical" style={{ width: "100%", marginTop: 8 }}>
          <Space wrap>
            <input
              ref={input}
              type="file"
              hidden
              accept={ALL_EVIDENCE_EXTENSIONS.join(",")}
              onChange={(e) => onFile(e.target.files?.[0])}
              data-testid="initiative-file-input"
            />
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              onClick={() => input.current?.click()}
            >
              {t("followUp.initiatives.evidence.upload")}
            </Button>
            <Typography.Text type="secondary">{t("followUp.initiatives.evidence.types")}</Typography.Text>
          </Space>
          <Space.Compact style={{ width: "100%", maxWidth: 520 }}>
            <Input
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder={t("followUp.initiatives.evidence.link")}
              aria-label={t("followUp.initiatives.evidence.link")}
            />
            <Button
              icon={<LinkOutlined />}
              disabled={!url.trim()}
              loading={addLink.isPending}
              onClick={() =>
                addLink.mutate(
                  { id: i.id, url: url.trim(), title: "" },
                  { onSuccess: () => setUrl(""), onError: fail },
                )
              }
            >
              {t("followUp.initiatives.evidence.addLink")}
            </Button>
          </Space.Compact>
        </Space>
      ) : null}
    </div>
  );
}
