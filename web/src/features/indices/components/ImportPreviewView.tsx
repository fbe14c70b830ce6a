import { Alert, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { versionName } from "../../../../../core/src/words/indices";
import { byNumber, useFormat } from "../format";
import type { ImportPreview } from "../indices.api";

type Result = ImportPreview["results"][number];
type Province = Result["provinces"][number];
type Problem = ImportPreview["errors"][number];

export function ErrorsTable({ errors }: { errors: Problem[] }) {
  const { t } = useTranslation();
  return (
    <Table<Problem & { key: number }>
      size="small"
      rowKey="key"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
      columns={[
        {
          title: t("indices.import.sheet"),
          dataIndex: "sheet",
          key: "sheet",
          width: 140,
          render: (v) => v ?? "–",
        },
        { title: t("indices.import.row"), dataIndex: "row", key: "row", width: 70, render: (v) => v ?? "–" },
        {
          title: t("indices.import.column"),
          dataIndex: "column",
          key: "column",
          width: 160,
          render: (v) => v ?? "–",
        },
        { title: t("indices.import.message"), dataIndex: "message", key: "message" },
      ]}
    />
  );
}

function ResultView({ result }: { result: Result }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const diffs = result.provinces.filter((p) => p.difference != null && Math.abs(p.difference) >= 0.01);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t("indices.version")}>
          {versionName(result.version, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t("indices.import.rows")}>{result.provinceCount}</Descriptions.Item>
        <Descriptions.Item label={t("indices.import.matched")}>{result.matched}</Descriptions.Item>
        <Descriptions.Item label={t("indices.import.existing")}>
          {result.replaces ? (
            <Tag color="orange">{t("indices.import.replaces", { count: result.existingProvinces })}</Tag>
          ) : (
            <Tag color="green">{t("indices.import.new")}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("indices.import.errors")}>{result.errors.length}</Descriptions.Item>
        <Descriptions.Item label={t("indices.import.differences")}>{diffs.length}</Descriptions.Item>
      </Descriptions>
      {result.unmatched.length ? (
        <Alert
          type="warning"
          showIcon
          title={t("indices.import.unmatched", { count: result.unmatched.length })}
          description={
            <Space wrap size={[4, 4]}>
              {result.unmatched.map((u) => (
                <Tag key={u}>{u}</Tag>
              ))}
            </Space>
          }
        />
      ) : null}
      {result.notes.length ? (
        <Alert
          type="info"
          showIcon
          title={t("indices.import.notes")}
          description={result.notes.map((n) => <div key={n}>{n}</div>)}
        />
      ) : null}
      {result.errors.length ? <ErrorsTable errors={result.errors} /> : null}
      <Table<Province>
        size="small"
        rowKey={(p) => `${p.input}-${p.provinceCode}`}
        dataSource={result.provinces}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        scroll={{ x: 800 }}
        columns={[
          { title: t("indices.import.input"), dataIndex: "input", key: "input" },
          {
            title: t("indices.import.matchedProvince"),
            key: "province",
            filters: [
              { text: t("indices.import.matchedOnly"), value: "yes" },
              { text: t("indices.import.unmatchedOnly"), value: "no" },
            ],
            onFilter: (v, p) => (v === "yes") === !!p.provinceCode,
            render: (_, p) => p.province ?? <Tag color="red">{t("indices.import.notMatched")}</Tag>,
          },
          {
            title: t("indices.import.publishedTotal"),
            key: "pub",
            align: "right",
            sorter: byNumber((p: Province) => p.publishedTotal),
            render: (_, p) => f.num(p.publishedTotal, 4),
          },
          {
            title: t("indices.import.computedTotal"),
            key: "comp",
            align: "right",
            render: (_, p) => f.num(p.computedTotal, 4),
          },
          {
            title: t("indices.import.difference"),
            key: "diff",
            align: "right",
            sorter: byNumber((p: Province) => (p.difference == null ? null : Math.abs(p.difference))),
            render: (_, p) =>
              p.difference == null ? (
                "–"
              ) : (
                <Typography.Text type={Math.abs(p.difference) >= 0.01 ? "danger" : undefined}>
                  {f.signed(p.difference, 4)}
                </Typography.Text>
              ),
          },
          {
            title: t("indices.rank"),
            key: "rank",
            align: "right",
            sorter: byNumber((p: Province) => p.publishedRank),
            render: (_, p) => p.publishedRank ?? "–",
          },
          { title: t("indices.band"), key: "band", render: (_, p) => p.publishedBand ?? "–" },
          {
            title: t("indices.import.componentCount"),
            key: "comps",
            align: "right",
            render: (_, p) => p.components.length,
          },
        ]}
      />
    </Space>
  );
}

/** What the file would store, per index and year, before anything is written. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t(preview.committed ? "indices.import.committedTitle" : "indices.import.previewTitle", {
        file: preview.fileName,
      })}
      data-testid="import-preview"
    >
      {preview.errors.length ? (
        <Space direction="vertical" style={{ width: "100%", marginBottom: 16 }}>
          <Alert
            type="error"
            showIcon
            title={t("indices.import.fileErrors", { count: preview.errors.length })}
          />
          <ErrorsTable errors={preview.errors} />
        </Space>
      ) : null}
      {preview.results.length === 0 ? (
        <Typography.Text type="secondary">{t("indices.import.nothing")}</Typography.Text>
      ) : (
        <Tabs
          items={preview.results.map((r) => ({
            key: `${r.index}-${r.year}`,
            label: `${r.index.replace("_", " ")} ${r.year} (${r.matched}/${r.provinceCount})`,
            children: <ResultView result={r} />,
          }))}
        />
      )}
    </Card>
  );
}
