import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Input, InputNumber, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { UnitSelect } from "../../../../components/UnitSelect";
import { formatDateVi } from "../../../../lib/dates";
import { pageOf, useUrlParams } from "../../../plans/useUrlParams";
import { DialogueFormDialog } from "../components/DialogueFormDialog";
import type { DialogueSummary } from "../dialogues.api";
import { useDialogues } from "../dialogues.queries";
import { useDialogueLabels } from "../labels";

const KEYS = ["q", "kind", "year", "hostUnitId", "page", "pageSize"] as const;

/** "Đối thoại, kiến nghị": the dialogues the reader may see, newest first, paged on the server. */
export function DialoguesPage() {
  const { t } = useTranslation();
  const labels = useDialogueLabels();
  const { params, set } = useUrlParams(KEYS);
  const [text, setText] = useState(params.q ?? "");
  const [creating, setCreating] = useState(false);
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;
  const year = params.year ? Number(params.year) : undefined;
  const query = {
    q: params.q,
    kind: params.kind,
    hostUnitId: params.hostUnitId,
    year: Number.isInteger(year) ? year : undefined,
    page,
    pageSize,
  };
  const list = useDialogues(query);

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          placeholder={t("followUp.dialogues.list.search")}
          aria-label={t("followUp.dialogues.list.search")}
          style={{ width: 320, maxWidth: "100%" }}
          data-testid="dialogues-search"
        />
        <Select
          allowClear
          value={params.kind}
          onChange={(v) => set({ kind: v })}
          options={labels.kindOptions}
          placeholder={t("followUp.dialogues.fields.kind")}
          aria-label={t("followUp.dialogues.fields.kind")}
          style={{ width: 240, maxWidth: "100%" }}
        />
        <InputNumber
          value={query.year ?? null}
          onChange={(v) => set({ year: v ?? null })}
          min={2000}
          max={2100}
          placeholder={t("followUp.dialogues.list.year")}
          aria-label={t("followUp.dialogues.list.year")}
          style={{ width: 110 }}
        />
        <div style={{ width: 260, maxWidth: "100%" }}>
          <UnitSelect
            value={params.hostUnitId ?? null}
            onChange={(v) => set({ hostUnitId: v })}
            placeholder={t("followUp.dialogues.fields.host")}
            aria-label={t("followUp.dialogues.fields.host")}
          />
        </div>
        <span style={{ flex: 1 }} />
        {list.data?.can.create ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="dialogue-create"
          >
            {t("followUp.dialogues.list.create")}
          </Button>
        ) : null}
      </Flex>
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <ResponsiveTable<DialogueSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.dialogues ?? []}
        data-testid="dialogues-table"
        locale={{ emptyText: <Empty description={t("followUp.dialogues.list.empty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { count: total }),
          onChange: (p, s) => set({ page: p, pageSize: s }, false),
        }}
        columns={[
          {
            title: t("followUp.dialogues.fields.title"),
            dataIndex: "title",
            render: (v: string, r) => (
              <Flex vertical gap={2}>
                <Link to={`/follow-up/dialogues/${r.id}`}>{v}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labels.kind(r.kind)}
                  {r.sector ? ` · ${r.sector}` : ""}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t("followUp.dialogues.fields.heldOn"),
            dataIndex: "heldOn",
            width: 120,
            render: (v: string) => formatDateVi(v),
          },
          {
            title: t("followUp.dialogues.fields.host"),
            dataIndex: ["hostUnit", "name"],
            width: 220,
          },
          { title: t("followUp.dialogues.fields.chair"), dataIndex: "chair", width: 180 },
          {
            title: t("followUp.dialogues.fields.participantCount"),
            dataIndex: "participantCount",
            width: 110,
            align: "right",
          },
          {
            title: t("followUp.dialogues.fields.recommendations"),
            key: "recommendations",
            width: 190,
            render: (_, r) =>
              r.recommendationCount
                ? t("followUp.dialogues.list.accepted", {
                    accepted: r.acceptedCount,
                    total: r.recommendationCount,
                  })
                : "0",
          },
        ]}
      />
      {creating ? <DialogueFormDialog can={list.data?.can} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
