import { CheckOutlined, EyeOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Flex, InputNumber, Result, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportPreviewView } from "../components/ImportPreviewView";
import { IndexSelect } from "../components/IndexSelect";
import type { ImportPreview } from "../indices.api";
import { useDefinitions, useImportResults } from "../indices.queries";

const MAX_BYTES = 20 * 1024 * 1024;

/** Import published results: preview first, nothing written until the user confirms. */
export function ImportPage() {
  const { t } = useTranslation();
  const defs = useDefinitions();
  const mutation = useImportResults();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [index, setIndex] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  if (defs.data && !defs.data.can.manageResults)
    return (
      <Result status="403" title={t("errors.forbiddenTitle")} subTitle={t("indices.import.forbidden")} />
    );

  const pick = (f: File | null) => {
    setPreview(null);
    mutation.reset();
    setReplace(false);
    setLocalError(f && f.size > MAX_BYTES ? t("indices.import.tooLarge") : null);
    setFile(f);
  };
  const run = (commit: boolean) => {
    if (!file) return;
    mutation.mutate(
      { file, commit, replace: commit && replace, index, year: year ?? undefined },
      { onSuccess: (p) => setPreview(p) },
    );
  };
  const needsReplace = !!preview?.results.some((r) => r.replaces);
  const canCommit = !!preview && !preview.committed && preview.errorCount === 0 && preview.results.length > 0;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("indices.import.title")}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("indices.import.help")}
          </Typography.Paragraph>
          <Flex gap={12} wrap align="center">
            <label className="idx-file-label">
              <UploadOutlined aria-hidden /> {t("indices.import.chooseFile")}
              <input
                ref={input}
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                data-testid="import-file"
                onChange={(e) => pick(e.target.files?.[0] ?? null)}
              />
            </label>
            <Typography.Text>{file ? file.name : t("indices.import.noFile")}</Typography.Text>
          </Flex>
          <Flex gap={12} wrap align="center">
            <span>{t("indices.import.optional")}</span>
            <IndexSelect indices={defs.data?.indices ?? []} value={index} onChange={setIndex} />
            {index ? (
              <Button size="small" onClick={() => setIndex(undefined)}>
                {t("indices.import.autoIndex")}
              </Button>
            ) : null}
            <InputNumber
              placeholder={t("indices.year")}
              aria-label={t("indices.year")}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(v)}
              data-testid="import-year"
            />
          </Flex>
          {localError ? <Alert type="error" showIcon title={localError} /> : null}
          <Button
            type="primary"
            icon={<EyeOutlined />}
            disabled={!file || !!localError}
            loading={mutation.isPending && !mutation.variables?.commit}
            onClick={() => run(false)}
            data-testid="import-preview-button"
          >
            {t("indices.import.preview")}
          </Button>
        </Space>
      </Card>
      {mutation.error ? (
        <Alert type="error" showIcon role="alert" title={mutation.error.message} data-testid="import-error" />
      ) : null}
      {preview ? <ImportPreviewView preview={preview} /> : null}
      {preview && !preview.committed ? (
        <Card>
          <Space direction="vertical">
            {preview.errorCount > 0 ? (
              <Alert
                type="error"
                showIcon
                title={t("indices.import.fixErrors", { count: preview.errorCount })}
              />
            ) : null}
            {needsReplace ? (
              <Checkbox
                checked={replace}
                onChange={(e) => setReplace(e.target.checked)}
                data-testid="import-replace"
              >
                {t("indices.import.replace")}
              </Checkbox>
            ) : null}
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!canCommit}
              loading={mutation.isPending && !!mutation.variables?.commit}
              onClick={() => run(true)}
              data-testid="import-commit"
            >
              {t("indices.import.commit")}
            </Button>
          </Space>
        </Card>
      ) : null}
      {preview?.committed ? (
        <Alert type="success" showIcon title={t("indices.import.done")} data-testid="import-done" />
      ) : null}
    </Space>
  );
}
