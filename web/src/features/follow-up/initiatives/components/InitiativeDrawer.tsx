import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Grid, List, Popconfirm, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActionName } from "../../../../../../core/src/words/audit";
import { Drawer } from "../../../../components/lazy-antd";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { formatDateTimeVi, formatDateVi } from "../../../../lib/dates";
import { useLabels } from "../../../../lib/labels";
import type { InitiativeDetail } from "../initiatives.api";
import { useDeleteInitiative, useInitiative } from "../initiatives.queries";
import { INITIATIVE_STATE_COLORS, useInitiativeLabels } from "../labels";
import { DecisionButtons } from "./DecisionButtons";
import { EvidenceList } from "./EvidenceList";
import { InitiativeForm } from "./InitiativeForm";

/** One initiative: what it is, what was decided, the evidence of its result and its history. */
export function InitiativeDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const query = useInitiative(id);
  const i = query.data;
  return (
    <Drawer
      open
      size={phone ? "100%" : 760}
      onClose={onClose}
      title={i?.title ?? t("common.loading")}
      data-testid="initiative-drawer"
    >
      <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {i ? <Detail i={i} onDeleted={onClose} /> : query.isLoading ? <Skeleton active /> : null}
    </Drawer>
  );
}

function Detail({ i, onDeleted }: { i: InitiativeDetail; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const labels = useInitiativeLabels();
  const unitLabels = useLabels();
  const remove = useDeleteInitiative();
  const [editing, setEditing] = useState<"edit" | "result" | null>(null);
  const f = (k: string) => t(`followUp.initiatives.fields.${k}`);
  const para = (s: string) => (s ? <span style={{ whiteSpace: "pre-wrap" }}>{s}</span> : null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Tag color={INITIATIVE_STATE_COLORS[i.state]} data-testid="initiative-drawer-state">
          {labels.state(i.state)}
        </Tag>
        {i.can.update ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing("edit")} data-testid="initiative-edit">
            {t("followUp.initiatives.actions.edit")}
          </Button>
        ) : i.can.updateResult ? (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditing("result")}
            data-testid="initiative-result"
          >
            {t("followUp.initiatives.actions.updateResult")}
          </Button>
        ) : null}
        {i.can.delete ? (
          <Popconfirm
            title={t("followUp.initiatives.actions.confirmDelete")}
            okText={t("common.delete")}
            cancelText={t("common.cancel")}
            onConfirm={() =>
              remove.mutate(
                { id: i.id, version: i.version },
                {
                  onSuccess: () => {
                    message.success(t("followUp.initiatives.form.deleted"));
                    onDeleted();
                  },
                  onError: (e) => message.error(e.message),
                },
              )
            }
          >
            <Button
              danger
              icon={<DeleteOutlined />}
              loading={remove.isPending}
              data-testid="initiative-delete"
            >
              {t("followUp.initiatives.actions.delete")}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <DecisionButtons initiative={i} />
      <Descriptions
        column={1}
        size="small"
        bordered
        // Empty fields are left out: on a phone each is a line.
        items={[
          { key: "unit", label: f("unit"), children: `${i.unitName} (${unitLabels.unitKind(i.unitKind)})` },
          { key: "year", label: f("year"), children: i.year },
          { key: "field", label: f("field"), children: i.field || null },
          { key: "component", label: f("component"), children: labels.component(i) || null },
          { key: "problem", label: f("problem"), children: para(i.problem) },
          { key: "solution", label: f("solution"), children: para(i.solution) },
          { key: "expected", label: f("expectedResult"), children: para(i.expectedResult) },
          { key: "actual", label: f("actualResult"), children: para(i.actualResult) },
          ...(i.decidedOn
            ? [{ key: "decided", label: f("decidedOn"), children: formatDateVi(i.decidedOn) }]
            : []),
          ...(i.decisionNote
            ? [{ key: "note", label: f("decisionNote"), children: para(i.decisionNote) }]
            : []),
          ...(i.replications.length
            ? [
                {
                  key: "replications",
                  label: f("replications"),
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="initiative-replications">
                      {i.replications.map((r) => (
                        <li key={r.unitId}>
                          {r.unitName} ({formatDateVi(r.fromDate)})
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ].filter((item) => item.children !== null && item.children !== "")}
      />
      <EvidenceList initiative={i} />
      <div>
        <Typography.Title level={5}>{t("followUp.initiatives.history.title")}</Typography.Title>
        <List
          size="small"
          dataSource={i.history}
          data-testid="initiative-history"
          renderItem={(h) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  <Typography.Text strong>{auditActionName(h.action, i18n.language)}</Typography.Text>
                  {" · "}
                  {h.actorName}
                  {" · "}
                  <Typography.Text type="secondary">{formatDateTimeVi(h.at)}</Typography.Text>
                </span>
                {h.units.length ? (
                  <Typography.Text type="secondary">
                    {t("followUp.initiatives.history.replicated", {
                      units: h.units.join(", "),
                      date: h.fromDate ? formatDateVi(h.fromDate) : "",
                    })}
                  </Typography.Text>
                ) : null}
                {h.note ? (
                  <Typography.Text type="secondary">
                    {t("followUp.initiatives.history.reason", { reason: h.note })}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      </div>
      {editing ? (
        <InitiativeForm
          mode={editing}
          initiative={i}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </Space>
  );
}
