import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { indexAbbreviation } from "../../../../../core/src/words/indices";
import { ExportXlsxButton } from "../../../components/ExportXlsxButton";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { useMe } from "../../auth/auth.queries";
import { TargetFormDialog } from "../components/TargetFormDialog";
import { TargetImportDialog } from "../components/TargetImportDialog";
import { byNumber, useFormat } from "../format";
import type { Target } from "../indices.api";
import { useDefinitions, useDeleteTarget, useTargets } from "../indices.queries";

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 9 }, (_, i) => THIS_YEAR + 3 - i);

export function TargetsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { message, modal } = App.useApp();
  const me = useMe().data;
  const defs = useDefinitions();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get("targetYear")) || THIS_YEAR + 1;
  const provinceUnitId = me?.province?.id;
  const targets = useTargets({ provinceUnitId, year });
  const remove = useDeleteTarget();
  const [editing, setEditing] = useState<Target | "new" | null>(null);
  const [importing, setImporting] = useState(false);

  const figure = (x: Target["baseline"]) =>
    x ? `${f.num(x.value)}${x.rankText ? ` · ${x.rankText}` : ""} (${x.year})` : "–";

  const onDelete = (target: Target) =>
    modal.confirm({
      title: t("indices.targets.deleteConfirm"),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        remove.mutateAsync(target.id).then(
          () => message.success(t("indices.targets.deleted")),
          (e: Error) => {
            message.error(e.message);
          },
        ),
    });

  const columns: TableColumnsType<Target> = [
    {
      title: t("indices.index"),
      dataIndex: "indexCode",
      key: "index",
      width: 100,
      sorter: (a, b) => a.indexCode.localeCompare(b.indexCode),
      filters: [...new Set((targets.data?.targets ?? []).map((x) => x.indexCode))].map((c) => ({
        text: indexAbbreviation(c, i18n.language),
        value: c,
      })),
      onFilter: (v, r) => r.indexCode === v,
      render: (v: string) => indexAbbreviation(v, i18n.language),
    },
    {
      title: t("indices.targets.component"),
      key: "component",
      render: (_, r) => (
        <>
          {r.componentName ?? t("indices.targets.wholeIndex")}{" "}
          {r.polarity === "lowerIsBetter" ? <Tag>{t("indices.components.lowerIsBetter")}</Tag> : null}
        </>
      ),
    },
    { title: t("indices.targets.baseline"), key: "baseline", render: (_, r) => figure(r.baseline) },
    { title: t("indices.targets.latest"), key: "latest", render: (_, r) => figure(r.latest) },
    {
      title: t("indices.targets.targetValue"),
      key: "targetValue",
      align: "right",
      sorter: byNumber((r: Target) => r.targetValue),
      render: (_, r) => f.num(r.targetValue),
    },
    {
      title: t("indices.targets.rankRange"),
      key: "rank",
      render: (_, r) =>
        r.rankFrom == null && r.rankTo == null
          ? "–"
          : r.rankFrom != null && r.rankTo != null && r.rankFrom !== r.rankTo
            ? t("indices.targets.rankBetween", { from: r.rankFrom, to: r.rankTo })
            : t("indices.targets.rankExactly", { rank: r.rankTo ?? r.rankFrom }),
    },
    { title: t("indices.band"), dataIndex: "band", key: "band", render: (v: string | null) => v ?? "–" },
    {
      title: t("indices.targets.gap"),
      key: "gap",
      render: (_, r) => {
        const valueGood =
          r.gap.value == null ? null : r.polarity === "lowerIsBetter" ? r.gap.value >= 0 : r.gap.value <= 0;
        return (
          <Space direction="vertical" size={0}>
            {r.gap.value != null ? (
              <Typography.Text type={valueGood ? "success" : "warning"}>
                {valueGood
                  ? t("indices.targets.valueReached")
                  : t("indices.targets.valueGap", { gap: f.num(Math.abs(r.gap.value)) })}
              </Typography.Text>
            ) : null}
            {r.gap.places != null ? (
              <Typography.Text type={r.gap.places <= 0 ? "success" : "warning"}>
                {r.gap.places <= 0
                  ? t("indices.targets.rankReached")
                  : t("indices.targets.placesGap", { n: r.gap.places })}
              </Typography.Text>
            ) : null}
            {r.gap.value == null && r.gap.places == null ? "–" : null}
          </Space>
        );
      },
    },
    { title: t("indices.targets.note"), dataIndex: "note", key: "note", responsive: ["xl"] },
    {
      title: t("common.actions"),
      key: "actions",
      width: 100,
      render: (_, r) => (
        <Space>
          {r.can.update ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t("common.edit")}
              onClick={() => setEditing(r)}
            />
          ) : null}
          {r.can.delete ? (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("common.delete")}
              onClick={() => onDelete(r)}
            />
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Space wrap>
          <Typography.Text strong>{me?.province?.name}</Typography.Text>
          <Select
            value={year}
            onChange={(y) =>
              setSearch(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  next.set("targetYear", String(y));
                  return next;
                },
                { replace: true },
              )
            }
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            aria-label={t("indices.targets.year")}
            data-testid="year-select"
            style={{ width: 110 }}
          />
        </Space>
        <Space wrap>
          {provinceUnitId ? (
            <ExportXlsxButton
              path="/api/indices/targets.xlsx"
              query={{ provinceUnitId, year }}
              testId="targets-export-xlsx"
            />
          ) : null}
          {targets.data?.can.create && provinceUnitId ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="targets-import-open"
            >
              {t("indices.targets.import.open")}
            </Button>
          ) : null}
          {targets.data?.can.create ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing("new")}
              data-testid="target-create"
            >
              {t("indices.targets.create")}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <QueryErrorAlert error={targets.error} onRetry={() => targets.refetch()} />
      {!provinceUnitId && me ? <Empty description={t("indices.targets.noProvince")} /> : null}
      <Card title={t("indices.targets.title", { year })}>
        <Table<Target>
          size="small"
          rowKey="id"
          loading={targets.isLoading}
          dataSource={targets.data?.targets ?? []}
          columns={columns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("indices.targets.empty", { year }) }}
          scroll={{ x: 1000 }}
        />
      </Card>
      {provinceUnitId ? (
        <TargetFormDialog
          open={editing !== null}
          target={editing === "new" ? null : editing}
          provinceUnitId={provinceUnitId}
          year={year}
          indices={defs.data?.indices ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {importing && provinceUnitId ? (
        <TargetImportDialog provinceUnitId={provinceUnitId} onClose={() => setImporting(false)} />
      ) : null}
    </Space>
  );
}
