import { CheckCircleOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Modal, Result, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { UnitImportPreview } from "../org-units.api";
import { useImportOrgUnits } from "../org-units.queries";

type Row = UnitImportPreview["rows"][number];
type RowError = UnitImportPreview["errors"][number];

/**
 * Import of a unit list: the file is checked first (nothing written), the preview and each row's
 * problems are shown, and only a confirmed, clean file is sent again to be committed.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const mutation = useImportOrgUnits();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [result, setResult] = useState<UnitImportPreview | null>(null);

  const check = (f: File) => {
    setPreview(null);
    mutation.mutate({ file: f, commit: false }, { onSuccess: setPreview });
  };

  const commit = () => {
    if (!file) return;
    mutation.mutate(
      { file, commit: true },
      {
        onSuccess: (r) => {
          setResult(r);
          message.success(t("import.done"));
        },
      },
    );
  };

  const errorsByRow = new Map<number, RowError[]>();
  for (const e of preview?.errors ?? []) {
    if (e.row === null) continue;
    errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  }
  const fileErrors = (preview?.errors ?? []).filter((e) => e.row === null);
  const canCommit = !!preview && preview.errors.length === 0 && preview.rows.length > 0 && !result;

  return (
    <Modal
      open
      title={t("import.title")}
      width={1100}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              disabled={!canCommit}
              loading={mutation.isPending && mutation.variables?.commit === true}
              onClick={commit}
              data-testid="import-commit"
            >
              {t("import.commit", { count: preview?.rows.length ?? 0 })}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={t("import.doneTitle")}
          subTitle={t("import.doneText", { created: result.created ?? 0, updated: result.updated ?? 0 })}
        />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("import.help")}
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              check(f);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t("import.drop")}</p>
            <p className="ant-upload-hint">{t("import.formats")}</p>
          </Upload.Dragger>
          {mutation.error ? <Alert type="error" showIcon title={mutation.error.message} /> : null}
          {fileErrors.map((e) => (
            <Alert key={e.message} type="error" showIcon title={e.message} />
          ))}
          {preview ? (
            <>
              {preview.errors.length ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t("import.hasErrors", { count: preview.errors.length })}
                />
              ) : (
                <Alert type="success" showIcon title={t("import.noErrors", { count: preview.rows.length })} />
              )}
              <Table<Row>
                rowKey="row"
                size="small"
                dataSource={preview.rows}
                scroll={{ x: 1000, y: 380 }}
                pagination={false}
                locale={{ emptyText: <Empty description={t("import.noRows")} /> }}
                rowClassName={(r) => (errorsByRow.has(r.row) ? "import-row-error" : "")}
                columns={[
                  { title: t("import.row"), dataIndex: "row", width: 60 },
                  {
                    title: t("import.action"),
                    dataIndex: "action",
                    width: 100,
                    render: (a: Row["action"]) =>
                      a === "create" ? (
                        <Tag color="green">{t("import.create")}</Tag>
                      ) : (
                        <Tag color="blue">{t("import.update")}</Tag>
                      ),
                  },
                  { title: t("directory.name"), dataIndex: "name", width: 240 },
                  {
                    title: t("directory.kind"),
                    dataIndex: "kind",
                    width: 180,
                    render: (k: string) => labels.unitKind(k),
                  },
                  {
                    title: t("import.parent"),
                    dataIndex: "parent",
                    width: 200,
                    render: (p: string | null) => p ?? "—",
                  },
                  {
                    title: t("directory.shortName"),
                    dataIndex: "shortName",
                    width: 120,
                    render: (s: string | null) => s ?? "—",
                  },
                  {
                    title: t("directory.code"),
                    dataIndex: "code",
                    width: 90,
                    render: (s: string | null) => s ?? "—",
                  },
                  {
                    title: t("directory.validity"),
                    key: "validity",
                    width: 190,
                    render: (_, r) =>
                      `${formatDateVi(r.validFrom) || "…"} – ${formatDateVi(r.validTo) || "…"}`,
                  },
                  {
                    title: t("import.errors"),
                    key: "errors",
                    width: 260,
                    render: (_, r) =>
                      (errorsByRow.get(r.row) ?? []).map((e) => (
                        <Typography.Text
                          key={`${e.column}-${e.message}`}
                          type="danger"
                          style={{ display: "block" }}
                        >
                          {e.column ? `${e.column}: ` : ""}
                          {e.message}
                        </Typography.Text>
                      )),
                  },
                ]}
              />
              {[...errorsByRow.keys()].some((row) => !preview.rows.some((r) => r.row === row)) ? (
                <Alert
                  type="error"
                  showIcon
                  title={t("import.otherRowErrors")}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {preview.errors
                        .filter((e) => e.row !== null && !preview.rows.some((r) => r.row === e.row))
                        .map((e) => (
                          <li key={`${e.row}-${e.column}-${e.message}`}>
                            {/* The server's message usually names the row and column itself. */}
                            {/^(Dòng|Row)\s/.test(e.message)
                              ? e.message
                              : `${t("import.rowN", { row: e.row })}: ${e.message}`}
                          </li>
                        ))}
                    </ul>
                  }
                />
              ) : null}
            </>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
