import { CheckCircleOutlined, DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Empty,
  Modal,
  Result,
  Space,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

export type ImportProblem = { row: number | null; column: string | null; message: string };
export type ImportPreview<R> = { rows: R[]; errors: ImportProblem[] };

/**
 * An import from a workbook, as the unit list's: a template to download, the file checked first
 * (nothing written) with each row's problems beside it, and only a confirmed, clean file sent again
 * to be written, all or nothing. `result` shows what the commit answered (once).
 */
export function SheetImportDialog<R extends { row: number }, P extends ImportPreview<R>>({
  title,
  help,
  templateHref,
  upload,
  columns,
  result: showResult,
  onClose,
  testId,
}: {
  title: string;
  help: string;
  templateHref: string;
  upload: (input: { file: File; commit: boolean }) => Promise<P>;
  columns: TableColumnsType<R>;
  result: (result: P) => ReactNode;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: upload });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<P | null>(null);

  const errorsByRow = new Map<number, ImportProblem[]>();
  for (const e of preview?.errors ?? []) {
    if (e.row === null) continue;
    errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  }
  const shownRows = new Set(preview?.rows.map((r) => r.row));
  // Rows left out of the preview (each had a problem) and problems of the whole file.
  const otherErrors = (preview?.errors ?? []).filter((e) => e.row === null || !shownRows.has(e.row));
  const canCommit = !!preview && preview.errors.length === 0 && preview.rows.length > 0 && !result;

  return (
    <Modal
      open
      title={title}
      width={1000}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          <Space wrap>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              disabled={!canCommit}
              loading={mutation.isPending && mutation.variables?.commit === true}
              onClick={() => file && mutation.mutate({ file, commit: true }, { onSuccess: setResult })}
              data-testid={`${testId}-commit`}
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
          extra={showResult(result)}
        />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {help}
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href={templateHref} data-testid={`${testId}-template`}>
            {t("import.template")}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setPreview(null);
              mutation.mutate({ file: f, commit: false }, { onSuccess: setPreview });
              return false;
            }}
            data-testid={`${testId}-file`}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t("import.drop")}</p>
            <p className="ant-upload-hint">{t("import.xlsxOnly")}</p>
          </Upload.Dragger>
          {mutation.error ? <Alert type="error" showIcon title={mutation.error.message} /> : null}
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
              {otherErrors.length ? (
                <Alert
                  type="error"
                  showIcon
                  title={t("import.otherRowErrors")}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`${testId}-errors`}>
                      {otherErrors.map((e) => (
                        <li key={`${e.row}-${e.column}-${e.message}`}>{e.message}</li>
                      ))}
                    </ul>
                  }
                />
              ) : null}
              <Table<R>
                rowKey="row"
                size="small"
                dataSource={preview.rows}
                scroll={{ x: 800, y: 360 }}
                pagination={false}
                locale={{ emptyText: <Empty description={t("import.noRows")} /> }}
                columns={[{ title: t("import.row"), dataIndex: "row", width: 60 }, ...columns]}
              />
            </>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
