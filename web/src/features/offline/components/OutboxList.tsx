import { Button, Flex, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fileSize } from "../file-size";
import { type QueuedEdit, type QueuedFile, removeEdit, removeFile } from "../outbox";

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

/** Her waiting items: what stops each (nothing but the connection, a conflict, a refusal) and her text to copy. */
export function OutboxList({
  onOpenReport,
  ...items
}: {
  edits: QueuedEdit[];
  files: QueuedFile[];
  onOpenReport: () => void;
}) {
  const { t } = useTranslation();
  const problemText = (p: QueuedEdit["problem"]) =>
    !p
      ? t("offline.waiting")
      : p.kind === "conflict"
        ? t("offline.conflict")
        : t("offline.refused", { message: p.message });

  return (
    <Flex vertical gap={16} data-testid="outbox-list">
      {items.edits.map((e) => (
        <div key={e.key} data-testid="outbox-item">
          <Typography.Text strong>{e.label}</Typography.Text>
          <div>
            <Typography.Text type={e.problem ? "danger" : "secondary"}>
              {problemText(e.problem)}
            </Typography.Text>
          </div>
          <Typography.Paragraph copyable ellipsis={{ rows: 4, expandable: true }} style={{ marginBottom: 4 }}>
            {editText(e)}
          </Typography.Paragraph>
          <Flex gap={8}>
            <Link to={`/reports/${e.reportId}`} onClick={onOpenReport}>
              {t("offline.openReport")}
            </Link>
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
          <Typography.Text strong>
            {t("offline.file", { name: f.name, size: fileSize(f.size) })}
          </Typography.Text>
          <div>
            <Typography.Text type={f.problem ? "danger" : "secondary"}>
              {problemText(f.problem)}
            </Typography.Text>
          </div>
          <Flex gap={8}>
            <Link to={`/reports/${f.reportId}`} onClick={onOpenReport}>
              {t("offline.openReport")}
            </Link>
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
}
