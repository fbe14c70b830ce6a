import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, List, Popconfirm, Space, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  ALL_EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  evidenceTypeOfName,
} from "../../../../../../core/src/reporting/evidence-rules";
import { formatDateTimeVi } from "../../../../lib/dates";
import { fileSize } from "../../../offline/file-size";
import { type DialogueFile, minutesUrl } from "../dialogues.api";
import { useDeleteMinutes, useUploadMinutes } from "../dialogues.queries";

/** The minutes (biên bản) as files: the host uploads them; whoever reads the dialogue downloads them. */
export function MinutesFiles({
  id,
  files,
  canEdit,
}: {
  id: string;
  files: DialogueFile[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadMinutes();
  const remove = useDeleteMinutes();
  const input = useRef<HTMLInputElement>(null);

  const pick = (file: File | undefined) => {
    if (!file) return;
    // The server's rule, said before the upload: of an accepted type, at most 20 MB.
    if (!evidenceTypeOfName(file.name) || file.size > EVIDENCE_MAX_BYTES) {
      message.error(t("followUp.dialogues.files.hint"));
      return;
    }
    upload.mutate(
      { id, file },
      {
        onSuccess: () => message.success(t("followUp.dialogues.files.uploaded")),
        onError: (e) => message.error(e.message),
      },
    );
  };

  return (
    <div>
      {files.length ? (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t("followUp.dialogues.files.deleteConfirm")}
                        onConfirm={() =>
                          remove.mutate(
                            { id, fileId: f.id },
                            {
                              onSuccess: () => message.success(t("followUp.dialogues.files.deleted")),
                              onError: (e) => message.error(e.message),
                            },
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
              <Space wrap size={4}>
                <a href={minutesUrl(id, f.id)} data-testid="minutes-file">
                  <PaperClipOutlined /> {f.fileName}
                </a>
                <Typography.Text type="secondary">
                  ({fileSize(f.size)}) · {formatDateTimeVi(f.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary" italic>
          {t("followUp.dialogues.files.none")}
        </Typography.Text>
      )}
      {canEdit ? (
        <Space wrap style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            hidden
            accept={ALL_EVIDENCE_EXTENSIONS.join(",")}
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = "";
            }}
            data-testid="minutes-input"
          />
          <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
            {t("followUp.dialogues.files.upload")}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("followUp.dialogues.files.hint")}
          </Typography.Text>
        </Space>
      ) : null}
    </div>
  );
}
