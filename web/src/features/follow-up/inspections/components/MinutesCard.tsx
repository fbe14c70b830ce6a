import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Flex, Popconfirm, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import {
  ALL_EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  evidenceTypeOfName,
} from "../../../../../../core/src/reporting/evidence-rules";
import { formatDateTimeVi } from "../../../../lib/dates";
import { type InspectionDetail, minutesUrl } from "../inspections.api";
import { useDeleteMinutes, useUploadMinutes } from "../inspections.queries";

/**
 * The minutes (biên bản) and other files of the inspection: PDF, Word, Excel or pictures up to 20 MB,
 * refused on the device by the server's own rule before they are sent; downloaded by whoever may read
 * the inspection.
 */
export function MinutesCard({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadMinutes();
  const remove = useDeleteMinutes();
  const canUpload = inspection.can.upload;
  return (
    <Card
      size="small"
      title={t("followUp.inspections.minutes.title")}
      extra={
        canUpload ? (
          <Upload
            accept={ALL_EVIDENCE_EXTENSIONS.join(",")}
            showUploadList={false}
            beforeUpload={(file) => {
              if (!evidenceTypeOfName(file.name)) {
                message.error(
                  t("followUp.inspections.minutes.wrongType", { types: ALL_EVIDENCE_EXTENSIONS.join(", ") }),
                );
                return Upload.LIST_IGNORE;
              }
              if (file.size > EVIDENCE_MAX_BYTES) {
                message.error(t("followUp.inspections.minutes.tooLarge"));
                return Upload.LIST_IGNORE;
              }
              upload.mutate(
                { id: inspection.id, file },
                {
                  onSuccess: () => message.success(t("followUp.inspections.minutes.uploaded")),
                  onError: (e) => message.error(e.message),
                },
              );
              return false;
            }}
          >
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="minutes-upload"
            >
              {t("followUp.inspections.minutes.upload")}
            </Button>
          </Upload>
        ) : null
      }
    >
      {inspection.files.length ? (
        <Flex vertical gap={8}>
          {inspection.files.map((f) => (
            <Flex key={f.id} align="start" gap={8} justify="space-between">
              <Flex align="start" gap={8} style={{ minWidth: 0 }}>
                <PaperClipOutlined style={{ marginTop: 4 }} />
                <Flex vertical style={{ minWidth: 0 }}>
                  <a href={minutesUrl(f.id)} style={{ overflowWrap: "anywhere" }} data-testid="minutes-file">
                    {f.fileName}
                  </a>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTimeVi(f.createdAt)} · {Math.max(1, Math.round(f.size / 1024))} KB
                  </Typography.Text>
                </Flex>
              </Flex>
              {canUpload ? (
                <Popconfirm
                  title={t("followUp.inspections.minutes.deleteConfirm")}
                  onConfirm={() => remove.mutate(f.id, { onError: (e) => message.error(e.message) })}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("common.delete")}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUp.inspections.minutes.none")} />
      )}
    </Card>
  );
}
