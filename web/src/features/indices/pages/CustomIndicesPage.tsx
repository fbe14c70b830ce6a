import { CheckCircleOutlined, CopyOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { versionName } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { provinceYear } from "../../../lib/clock";
import { VersionContent } from "../components/ComponentTree";
import { UnitResultsCard } from "../components/UnitResultsCard";
import { type CustomEditing, VersionEditor } from "../components/VersionEditor";
import { fetchVersion, type IndexDefinition, type IndexVersion, type VersionSummary } from "../indices.api";
import { useCustomIndices, usePublishVersion, useReviseVersion, useVersion } from "../indices.queries";

/** A blank version to start a new one from: the year after the latest, its rule, no components. */
const blankAfter = (def: IndexDefinition): IndexVersion => {
  const latest = def.versions[def.versions.length - 1];
  return {
    code: "",
    indexCode: def.code,
    validFromYear: (latest?.validFromYear ?? provinceYear()) + 1,
    validToYear: null,
    scaleMax: latest?.scaleMax ?? 100,
    totalRule: latest?.totalRule ?? { aggregation: "weightedMean", multiplier: 10, description: "" },
    revision: 0,
    basedOn: null,
    componentCount: 0,
    hasResults: false,
    status: "draft",
    publishedAt: null,
    components: [],
  };
};

/**
 * The province's own indices (its DDCI): versions as drafts and published methods. A draft is edited
 * and published; a published version is never edited: "revise" makes a new draft from it.
 */
export function CustomIndicesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { modal, message } = App.useApp();
  const list = useCustomIndices();
  const [search, setSearch] = useSearchParams();
  const def = list.data?.indices.find((d) => d.code === search.get("index")) ?? list.data?.indices[0];
  const selected = def?.versions.find((v) => v.code === search.get("version"));
  const versionCode = selected?.code ?? def?.versions[def.versions.length - 1]?.code;
  const version = useVersion(versionCode);
  const revise = useReviseVersion();
  const publish = usePublishVersion();
  const [editing, setEditing] = useState<{ version: IndexVersion; custom: CustomEditing } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);

  const choose = (code: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("version", code);
        if (def) next.set("index", def.code);
        return next;
      },
      { replace: true },
    );
  const name = (code: string) => versionName(code, i18n.language);
  const editable = !!def?.editable;
  const custom = (create: boolean): CustomEditing | null =>
    def ? { indexCode: def.code, subjectsAreUnits: def.subjects === "units", create } : null;

  const confirmPublish = (v: VersionSummary) =>
    modal.confirm({
      title: t("indices.custom.publishTitle", { version: name(v.code) }),
      content: t("indices.custom.publishText"),
      okText: t("indices.custom.publish"),
      cancelText: t("common.cancel"),
      onOk: () =>
        publish.mutateAsync(v.code).then(
          () => message.success(t("indices.custom.published", { version: name(v.code) })),
          (e: Error) => {
            modal.error({ title: t("indices.custom.publishFailed"), content: e.message });
          },
        ),
    });
  const openDraft = (v: VersionSummary) => {
    const c = custom(false);
    if (!c) return;
    setOpening(v.code);
    fetchVersion(v.code)
      .then((full) => setEditing({ version: full, custom: c }))
      .catch((e: Error) => {
        modal.error({ title: t("indices.custom.openFailed"), content: e.message });
      })
      .finally(() => setOpening(null));
  };
  const doRevise = (v: VersionSummary) =>
    revise.mutate(v.code, {
      onSuccess: (r) => {
        message.success(t("indices.custom.revised", { version: name(r.version.code) }));
        choose(r.version.code);
      },
      onError: (e) => modal.error({ title: t("indices.custom.reviseFailed"), content: e.message }),
    });

  if (list.isLoading) return <Skeleton active />;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="custom-indices">
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      {list.data && !def ? <Empty description={t("indices.custom.none")} /> : null}
      {def ? (
        <Card
          title={en ? def.nameEn || def.nameVi : def.nameVi}
          extra={
            editable ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const c = custom(true);
                  if (c) setEditing({ version: blankAfter(def), custom: c });
                }}
                data-testid="custom-new-version"
              >
                {t("indices.custom.newVersion")}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            {def.subjects === "units"
              ? t("indices.custom.subjectsUnits")
              : t("indices.custom.subjectsProvinces")}
          </Typography.Paragraph>
          {!editable ? (
            <Alert type="info" showIcon title={t("indices.custom.readOnly")} style={{ marginBottom: 12 }} />
          ) : null}
          <Table<VersionSummary>
            size="small"
            rowKey="code"
            dataSource={def.versions}
            pagination={false}
            scroll={{ x: "max-content" }}
            rowSelection={{
              type: "radio",
              selectedRowKeys: versionCode ? [versionCode] : [],
              onChange: (keys) => choose(String(keys[0])),
            }}
            onRow={(r) => ({ onClick: () => choose(r.code) })}
            columns={[
              { title: t("indices.defs.version"), key: "name", render: (_, v) => name(v.code) },
              {
                title: t("indices.defs.validity"),
                key: "validity",
                render: (_, v) =>
                  v.validToYear
                    ? `${v.validFromYear}–${v.validToYear}`
                    : t("indices.defs.fromYear", { year: v.validFromYear }),
              },
              {
                title: t("indices.custom.status"),
                key: "status",
                render: (_, v) =>
                  v.status === "draft" ? (
                    <Tag color="gold">{t("indices.custom.draft")}</Tag>
                  ) : (
                    <Tag color="green">
                      {t("indices.custom.publishedOn", { date: formatDateVi(v.publishedAt) })}
                    </Tag>
                  ),
              },
              {
                title: t("indices.defs.componentCount"),
                dataIndex: "componentCount",
                key: "count",
                width: 110,
              },
              {
                title: t("common.actions"),
                key: "actions",
                render: (_, v) =>
                  editable ? (
                    <Space wrap onClick={(e) => e.stopPropagation()}>
                      {v.status === "draft" ? (
                        <>
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            data-testid="custom-edit"
                            loading={opening === v.code}
                            onClick={() => openDraft(v)}
                          >
                            {t("indices.custom.editDraft")}
                          </Button>
                          <Button
                            size="small"
                            type="primary"
                            icon={<CheckCircleOutlined />}
                            data-testid="custom-publish"
                            onClick={() => confirmPublish(v)}
                          >
                            {t("indices.custom.publish")}
                          </Button>
                        </>
                      ) : null}
                      <Button
                        size="small"
                        icon={<CopyOutlined />}
                        loading={revise.isPending && revise.variables === v.code}
                        onClick={() => doRevise(v)}
                        data-testid="custom-revise"
                      >
                        {t("indices.custom.revise")}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </Card>
      ) : null}
      {versionCode ? (
        <Card title={t("indices.custom.componentsOf", { version: name(versionCode) })}>
          <QueryErrorAlert error={version.error} onRetry={() => version.refetch()} />
          {version.data ? <VersionContent version={version.data} named /> : <Skeleton active />}
        </Card>
      ) : null}
      {def?.subjects === "units" ? <UnitResultsCard def={def} /> : null}
      <VersionEditor
        version={editing?.version ?? null}
        custom={editing?.custom}
        onClose={() => setEditing(null)}
        onSaved={(code) => {
          setEditing(null);
          choose(code);
        }}
      />
    </Space>
  );
}
