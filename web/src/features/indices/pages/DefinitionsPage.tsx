import { EditOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { indexAbbreviation, versionName } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { VersionContent } from "../components/ComponentTree";
import { VersionEditor } from "../components/VersionEditor";
import type { IndexDefinition, IndexVersion, VersionSummary } from "../indices.api";
import { useDefinitions, useVersion } from "../indices.queries";

/** Index definitions and their versions; administrators edit a version's components. */
export function DefinitionsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const defs = useDefinitions();
  const [search, setSearch] = useSearchParams();
  const indexCode = search.get("index") ?? defs.data?.indices[0]?.code;
  const def = defs.data?.indices.find((i) => i.code === indexCode);
  const versionCode = search.get("version") ?? def?.versions[def.versions.length - 1]?.code;
  const version = useVersion(versionCode);
  const [editing, setEditing] = useState<IndexVersion | null>(null);
  // A province's own index is drafted and published on its own screen ("Chỉ số của tỉnh").
  const canEdit = !!defs.data?.can.editDefinitions && !def?.custom;

  const choose = (patch: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
        return next;
      },
      { replace: true },
    );
  const validity = (v: VersionSummary) =>
    v.validToYear
      ? `${v.validFromYear}–${v.validToYear}`
      : t("indices.defs.fromYear", { year: v.validFromYear });

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <QueryErrorAlert error={defs.error} onRetry={() => defs.refetch()} />
      {defs.isLoading ? <Skeleton active /> : null}
      <Card title={t("indices.defs.indicesTitle")}>
        <Table<IndexDefinition>
          size="small"
          rowKey="code"
          dataSource={defs.data?.indices ?? []}
          pagination={false}
          rowSelection={{
            type: "radio",
            selectedRowKeys: indexCode ? [indexCode] : [],
            onChange: (keys) => choose({ index: String(keys[0]), version: null }),
          }}
          onRow={(r) => ({ onClick: () => choose({ index: r.code, version: null }) })}
          locale={{ emptyText: t("indices.defs.empty") }}
          columns={[
            {
              title: t("indices.defs.code"),
              dataIndex: "code",
              key: "code",
              width: 120,
              render: (v: string) => indexAbbreviation(v, i18n.language),
            },
            {
              title: t("indices.defs.name"),
              key: "name",
              render: (_, d) => (en ? d.nameEn || d.nameVi : d.nameVi),
            },
            {
              title: t("indices.defs.publisher"),
              dataIndex: "publisher",
              key: "publisher",
              responsive: ["lg"],
            },
            {
              title: t("indices.defs.versions"),
              key: "versions",
              width: 90,
              render: (_, d) => d.versions.length,
            },
            {
              title: t("indices.defs.resultYears"),
              key: "years",
              render: (_, d) =>
                d.years.length
                  ? `${d.years[0]?.year}–${d.years[d.years.length - 1]?.year} (${d.years.length})`
                  : "–",
            },
            {
              title: "",
              key: "custom",
              width: 90,
              render: (_, d) => (d.custom ? <Tag>{t("indices.defs.custom")}</Tag> : null),
            },
          ]}
        />
      </Card>
      {def ? (
        <Card title={t("indices.defs.versionsOf", { index: indexAbbreviation(def.code, i18n.language) })}>
          <Table<VersionSummary>
            size="small"
            rowKey="code"
            dataSource={def.versions}
            pagination={false}
            rowSelection={{
              type: "radio",
              selectedRowKeys: versionCode ? [versionCode] : [],
              onChange: (keys) => choose({ version: String(keys[0]) }),
            }}
            onRow={(r) => ({ onClick: () => choose({ version: r.code }) })}
            columns={[
              {
                title: t("indices.defs.version"),
                dataIndex: "code",
                key: "code",
                render: (v: string) => versionName(v, i18n.language),
              },
              { title: t("indices.defs.validity"), key: "validity", render: (_, v) => validity(v) },
              { title: t("indices.defs.scaleMax"), dataIndex: "scaleMax", key: "scaleMax", width: 90 },
              {
                title: t("indices.defs.totalRule"),
                key: "rule",
                render: (_, v) => t(`indices.aggregations.${v.totalRule.aggregation}`),
              },
              { title: t("indices.defs.revision"), dataIndex: "revision", key: "revision", width: 80 },
              {
                title: t("indices.defs.basedOn"),
                dataIndex: "basedOn",
                key: "basedOn",
                render: (v: string | null) => (v ? versionName(v, i18n.language) : "–"),
              },
              {
                title: t("indices.defs.componentCount"),
                dataIndex: "componentCount",
                key: "count",
                width: 110,
              },
              {
                title: t("indices.defs.results"),
                key: "hasResults",
                render: (_, v) =>
                  v.hasResults ? (
                    <Tag color="blue">{t("indices.defs.hasResults")}</Tag>
                  ) : (
                    <Tag>{t("indices.defs.noResults")}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
      {versionCode ? (
        <Card
          title={t("indices.defs.componentsOf", { version: versionName(versionCode, i18n.language) })}
          extra={
            canEdit && version.data ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(version.data ?? null)}
                data-testid="version-edit"
              >
                {t("indices.defs.edit")}
              </Button>
            ) : null
          }
        >
          <QueryErrorAlert error={version.error} onRetry={() => version.refetch()} />
          {version.data ? (
            <VersionContent version={version.data} named={!!def?.custom} />
          ) : version.isLoading ? (
            <Skeleton active />
          ) : (
            <Empty />
          )}
          {!canEdit ? (
            <Typography.Text type="secondary">
              {def?.custom ? t("indices.defs.customElsewhere") : t("indices.defs.readOnly")}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}
      <VersionEditor
        version={editing}
        onClose={() => setEditing(null)}
        onSaved={(code) => {
          setEditing(null);
          choose({ version: code });
        }}
      />
    </Space>
  );
}
