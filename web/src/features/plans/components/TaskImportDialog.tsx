import { InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IMPORT_FIELD_LABELS_VI, IMPORT_FIELDS } from "../../../../../core/src/api/plans.schemas";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import type { TaskImportPreview } from "../plans.api";
import { useImportTasks } from "../plans.queries";

type PreviewRow = TaskImportPreview["rows"][number];

/**
 * A task table from XLSX: the file is read (nothing written), the detected column mapping can be
 * changed, the rows and their problems are previewed, and only then committed.
 */
export function TaskImportDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const mutation = useImportTasks();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TaskImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<"replace" | "append">("replace");
  const columns = Object.entries(mapping)
    .filter(([, c]) => c)
    .map(([f, c]) => `${f}:${c}`)
    .join(",");
  const fieldLabel = (f: string) =>
    i18n.language === "en"
      ? t(`plans.importFields.${f}`)
      : IMPORT_FIELD_LABELS_VI[f as keyof typeof IMPORT_FIELD_LABELS_VI];

  const run = (f: File, cols?: string) =>
    mutation.mutate(
      { id: planId, file: f, commit: false, columns: cols || undefined, mode },
      {
        onSuccess: (p) => {
          setPreview(p);
          setMapping(p.mapping);
        },
      },
    );

  const commit = () =>
    file &&
    mutation.mutate(
      { id: planId, file, commit: true, columns: columns || undefined, mode },
      {
        onSuccess: (p) => {
          message.success(t("plans.importXlsx.done", { count: p.created ?? p.rows.length }));
          onClose();
        },
      },
    );

  const step = !preview ? 0 : 1;
  const names = (list: PreviewRow["leads"]) =>
    list.map((p) => (
      <Tag key={p.name} color={p.matched ? (p.groupId ? "purple" : undefined) : "red"}>
        {p.name}
      </Tag>
    ));

  return (
    <Modal
      open
      width={1200}
      title={t("plans.importXlsx.title")}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            disabled={!preview || preview.rows.length === 0}
            loading={mutation.isPending && mutation.variables?.commit}
            onClick={commit}
            data-testid="task-import-commit"
          >
            {t("plans.importXlsx.commit", { count: preview?.rows.length ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t("plans.importXlsx.stepFile") },
          { title: t("plans.importXlsx.stepMapping") },
          { title: t("plans.importXlsx.stepCommit") },
        ]}
      />
      <QueryErrorAlert error={mutation.error} />
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          setPreview(null);
          run(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t("plans.importXlsx.drop")}</p>
      </Upload.Dragger>
      {preview ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("plans.importXlsx.mapping", { sheet: preview.sheet, row: preview.headerRow })}
          </Typography.Title>
          <Form layout="vertical">
            <Row gutter={12}>
              {IMPORT_FIELDS.map((f) => (
                <Col span={6} key={f}>
                  <Form.Item label={fieldLabel(f)}>
                    <Select
                      allowClear
                      value={mapping[f] || undefined}
                      onChange={(v) => setMapping((m) => ({ ...m, [f]: v ?? "" }))}
                      options={preview.headers.map((h) => ({
                        value: h.column,
                        label: `${h.column} — ${h.text}`,
                      }))}
                      placeholder={t("plans.importXlsx.noColumn")}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Space>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value)}
                options={[
                  { value: "replace", label: t("plans.importXlsx.replace") },
                  { value: "append", label: t("plans.importXlsx.append") },
                ]}
              />
              <Button
                onClick={() => file && run(file, columns)}
                loading={mutation.isPending && !mutation.variables?.commit}
              >
                {t("plans.importXlsx.recheck")}
              </Button>
            </Space>
          </Form>
          {preview.problems.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ margin: "12px 0" }}
              title={t("plans.importXlsx.problems", { count: preview.problems.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 140, overflow: "auto" }}>
                  {preview.problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
                    <li key={i}>
                      {p.row
                        ? `${t("plans.importXlsx.row")} ${p.row}${p.column ? ` (${p.column})` : ""}: `
                        : ""}
                      {p.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Table<PreviewRow>
            rowKey="row"
            size="small"
            pagination={{ pageSize: 50 }}
            scroll={{ x: 1000, y: 360 }}
            dataSource={preview.rows}
            rowClassName={(r) => (r.kind === "section" ? "row-section" : "")}
            columns={[
              { title: t("plans.importXlsx.row"), dataIndex: "row", width: 60 },
              { title: t("plans.fields.taskNumber"), dataIndex: "number", width: 70 },
              { title: t("plans.fields.content"), dataIndex: "content", width: 320 },
              { title: t("plans.fields.leads"), width: 180, render: (_, r) => names(r.leads) },
              { title: t("plans.fields.coordinators"), width: 180, render: (_, r) => names(r.coordinators) },
              {
                title: t("plans.fields.deadline"),
                width: 180,
                render: (_, r) =>
                  r.deadlineText ? (
                    <>
                      {r.deadlineText}{" "}
                      {r.deadline.understood ? null : (
                        <Tag color="warning">{t("plans.grid.deadlineNotUnderstood")}</Tag>
                      )}
                    </>
                  ) : null,
              },
              { title: t("plans.fields.expectedOutput"), dataIndex: "expectedOutput", width: 180 },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
