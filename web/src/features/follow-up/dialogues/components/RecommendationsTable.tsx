import { App, Empty, Flex, Switch, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { formatDateVi } from "../../../../lib/dates";
import type { RecommendationRow } from "../dialogues.api";
import { useRecommendations, useSetPublication } from "../dialogues.queries";
import { STATE_COLORS, STATUS_COLORS, useDialogueLabels } from "../labels";

/**
 * A dialogue's recommendations in the order entered, paged on the server. Each opens in the items'
 * page, where it is assigned and answered; here only its answer's publication is switched.
 */
export function RecommendationsTable({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDialogueLabels();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useRecommendations(id, paging);
  const publication = useSetPublication();

  const toggle = (r: RecommendationRow, published: boolean) =>
    publication.mutate(
      { id, itemId: r.id, published },
      {
        onSuccess: () =>
          message.success(
            t(published ? "followUp.dialogues.recs.publishOn" : "followUp.dialogues.recs.publishOff"),
          ),
        onError: (e) => message.error(e.message),
      },
    );

  return (
    <>
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <ResponsiveTable<RecommendationRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.recommendations ?? []}
        data-testid="recommendations-table"
        locale={{ emptyText: <Empty description={t("followUp.dialogues.recs.empty")} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t("followUp.dialogues.recs.content"),
            dataIndex: "content",
            render: (v: string, r) => (
              <Flex vertical gap={2}>
                <Link to={`/follow-up?item=${r.id}`} title={t("followUp.dialogues.recs.open")}>
                  {v}
                </Link>
                {r.field || r.component ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[r.field, r.component?.name].filter(Boolean).join(" · ")}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("followUp.dialogues.recs.raiser"),
            key: "raiser",
            width: 200,
            render: (_, r) => (
              <Flex vertical gap={2}>
                <span>{r.raiserName || (r.raiserKind ? labels.raiser(r.raiserKind) : "")}</span>
                {r.anonymous ? (
                  <Tooltip title={r.raiserShown}>
                    <Tag style={{ width: "fit-content" }}>{t("followUp.dialogues.recs.anonymousTag")}</Tag>
                  </Tooltip>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("followUp.dialogues.recs.unit"),
            key: "unit",
            width: 180,
            render: (_, r) =>
              r.unit ? (
                r.unit.name
              ) : (
                <Typography.Text type="secondary">{t("followUp.dialogues.recs.noUnit")}</Typography.Text>
              ),
          },
          {
            title: t("followUp.dialogues.recs.due"),
            dataIndex: "dueDate",
            width: 110,
            render: (v: string | null) => formatDateVi(v),
          },
          {
            title: t("followUp.dialogues.recs.state"),
            key: "state",
            width: 190,
            render: (_, r) => (
              <Flex wrap gap={4}>
                <Tag color={STATE_COLORS[r.state]}>{labels.state(r.state)}</Tag>
                {r.status ? <Tag color={STATUS_COLORS[r.status]}>{labels.status(r.status)}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: t("followUp.dialogues.recs.published"),
            key: "published",
            width: 100,
            render: (_, r) => {
              const allowed = r.published ? r.can.unpublish : r.can.publish;
              // Shown to those who may use it, and as a plain mark of a published answer to others.
              if (!allowed && !r.published) return null;
              return (
                <Tooltip
                  title={r.state === "accepted" ? undefined : t("followUp.dialogues.recs.publishHint")}
                >
                  <Switch
                    size="small"
                    checked={r.published}
                    disabled={!allowed}
                    loading={publication.isPending && publication.variables?.itemId === r.id}
                    onChange={(checked) => toggle(r, checked)}
                    aria-label={t("followUp.dialogues.recs.published")}
                    data-testid="recommendation-publish"
                  />
                </Tooltip>
              );
            },
          },
        ]}
      />
    </>
  );
}
