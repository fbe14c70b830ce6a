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
import { type ItemDetail, itemFileUrl } from "../items.api";
import { useAddItemLink, useDeleteItemFile, useUploadItemFile } from "../items.queries";

const ACCEPT = ALL_EVIDENCE_EXTENSIONS.join(",");

/**
 * The evidence of an item: files (up to 20 MB, of the kinds reports take, refused on the device by
 * the same rule the server applies) and links; removed by whoever added them while the work is under way.
 */
export function ItemFiles({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadItemFile();
  const link = useAddItemLink();
  const remove = useDeleteItemFile();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = "";
    if (!evidenceTypeOfName(file.name))
      return message.error(
        t("followUp.items.files.wrongType", { name: file.name, types: ALL_EVIDENCE_EXTENSIONS.join(", ") }),
        8,
      );
    if (file.size > EVIDENCE_MAX_BYTES)
      return message.error(t("followUp.items.files.tooLarge", { name: file.name }), 8);
    upload.mutate(
      { id: item.id, file },
      {
        onSuccess: () => message.success(t("followUp.items.files.uploaded", { name: file.name })),
        onError: (e) => message.error(e.message, 8),
      },
    );
  };
  const addLink = () =>
    link.mutate(
      { id: item.id, url: url.trim(), title: "" },
      { onSuccess: () => setUrl(""), onError: (e) => message.error(e.message, 8) },
    );

  return (
    <div data-testid="item-files">
      {item.files.length ? (
        <List
          size="small"
          dataSource={item.files}
          renderItem={(f) => (
            <List.Item
              actions={
                f.canDelete
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t("followUp.items.files.deleteConfirm")}
                        okText={t("common.delete")}
                        cancelText={t("common.cancel")}
                        onConfirm={() =>
                          remove.mutate(
                            { id: item.id, fileId: f.id },
                            { onError: (e) => message.error(e.message, 8) },
                          )
                        }
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t("common.delete")}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <div style={{ minWidth: 0 }}>
                {f.kind === "file" ? (
                  <a href={itemFileUrl(item.id, f.id)} data-testid="item-file">
                    <PaperClipOutlined /> {f.fileName} ({fileSize(f.size)})
                  </a>
                ) : (
                  <a href={f.url ?? "#"} target="_blank" rel="noopener noreferrer" data-testid="item-file">
                    <LinkOutlined /> {f.title || f.url}
                  </a>
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[f.createdByName, f.unitName].filter(Boolean).join(", ")} ·{" "}
                    {formatDateTimeVi(f.createdAt)}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary" italic>
          {t("followUp.items.files.none")}
        </Typography.Text>
      )}
      {item.can.upload ? (
        <div style={{ marginTop: 8, display: "flex", flexWrap: "wrap", gap: 8 }}>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="item-file-input"
            aria-label={t("followUp.items.files.upload")}
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
            {t("followUp.items.files.upload")}
          </Button>
          <Space.Compact style={{ flex: "1 1 240px", minWidth: 0, maxWidth: 420 }}>
            <Input
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-label={t("followUp.items.files.link")}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button icon={<LinkOutlined />} disabled={!url.trim()} loading={link.isPending} onClick={addLink}>
              {t("followUp.items.files.addLink")}
            </Button>
          </Space.Compact>
        </div>
      ) : null}
    </div>
  );
}
