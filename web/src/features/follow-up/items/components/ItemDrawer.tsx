import "../../i18n";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Grid,
  Input,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FollowUpAction } from "../../../../../../core/src/follow-up/items";
import { Drawer } from "../../../../components/lazy-antd";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { isApiError } from "../../../../lib/api-client";
import { formatDateTimeVi, formatDateVi } from "../../../../lib/dates";
import type { ItemDetail, ItemEvent } from "../items.api";
import { useItem, useItemComment } from "../items.queries";
import { ASSIGNMENT_STATUS_COLORS, ITEM_STATE_COLORS, useItemLabels } from "../labels";
import { ItemActionDialog } from "./ItemActionDialog";
import { ItemFiles } from "./ItemFiles";
import { SourceText } from "./ItemsTable";

/** An act of the history in words: who did what, when, from which unit to which, with its note. */
function EventLine({ e, item }: { e: ItemEvent; item: ItemDetail }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const what = t(`followUp.items.events.${e.action}`, {
    from: e.fromUnitName ?? "",
    to: e.toUnitName ?? "",
    defaultValue: t("followUp.items.events.other"),
  });
  const who = e.byName
    ? `${e.byName}${e.byUnitName ? ` (${e.byUnitName})` : ""}`
    : t("followUp.items.events.system");
  return (
    <div data-testid="item-event">
      <Typography.Text strong>{what}</Typography.Text>
      {e.toState && e.toState !== e.fromState ? (
        <Tag style={{ marginInlineStart: 8 }}>{labels.state(e.toState, item.kind)}</Tag>
      ) : null}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {who} · {formatDateTimeVi(e.at)}
        </Typography.Text>
      </div>
      {e.note ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
          {e.note}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function Comments({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const comment = useItemComment();
  const [text, setText] = useState("");
  if (!item.can.comment) return null;
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 5 }}
        value={text}
        maxLength={5000}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("followUp.items.comment.placeholder")}
        aria-label={t("followUp.items.comment.label")}
        data-testid="item-comment-input"
      />
      <Button
        type="primary"
        disabled={!text.trim()}
        loading={comment.isPending}
        onClick={() =>
          comment.mutate(
            { id: item.id, body: text.trim() },
            { onSuccess: () => setText(""), onError: (e) => message.error(e.message, 8) },
          )
        }
        data-testid="item-comment-send"
      >
        {t("followUp.items.comment.send")}
      </Button>
    </Space.Compact>
  );
}

/**
 * One item, opened from the list (`?item=<id>`): what it is and where it comes from, where it stands,
 * the acts the person may take now (from the server's `can`), its evidence, comments and history.
 */
export function ItemDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useItemLabels();
  const phone = !Grid.useBreakpoint().md;
  const query = useItem(id);
  const [action, setAction] = useState<FollowUpAction | null>(null);
  const item = query.data;
  const text = (v: string | null | undefined) => v || "—";
  return (
    <Drawer
      open
      size={phone ? "100%" : 640}
      onClose={onClose}
      title={item ? labels.kind(item.kind) : t("followUp.items.title")}
      data-testid="item-drawer"
    >
      {/* A link to an item that is gone, or not the person's to see: said plainly, not as a code. */}
      {isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
        <Alert type="warning" showIcon title={t("followUp.items.notFound")} data-testid="item-not-found" />
      ) : (
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      )}
      {!item ? (
        query.isLoading ? (
          <Skeleton active />
        ) : null
      ) : (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="item-content">
            {item.content}
          </Typography.Title>
          <Space wrap size={4}>
            <Tag color={ITEM_STATE_COLORS[item.state]} data-testid="item-drawer-state">
              {labels.state(item.state, item.kind)}
            </Tag>
            {item.status ? (
              <Tag color={ASSIGNMENT_STATUS_COLORS[item.status]}>{labels.status(item.status)}</Tag>
            ) : null}
          </Space>
          {item.can.actions.length ? (
            <Space wrap data-testid="item-actions">
              {item.can.actions.map((a) => (
                <Button
                  key={a}
                  type={a === "report" || a === "accept" || a === "assign" ? "primary" : "default"}
                  danger={a === "close"}
                  onClick={() => setAction(a)}
                  data-testid={`item-action-${a}`}
                >
                  {labels.action(a)}
                </Button>
              ))}
            </Space>
          ) : null}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("followUp.items.fields.source")}>
              <SourceText source={item.source} />
            </Descriptions.Item>
            <Descriptions.Item label={t("followUp.items.fields.unit")}>
              {item.unitName ?? t("followUp.items.unassigned")}
            </Descriptions.Item>
            <Descriptions.Item label={t("followUp.items.fields.follower")}>
              {item.followerUnitName}
            </Descriptions.Item>
            <Descriptions.Item label={t("followUp.items.fields.arose")}>
              {formatDateVi(item.aroseOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t("followUp.items.fields.due")}>
              {item.dueDate ? formatDateVi(item.dueDate) : t("followUp.items.noDue")}
            </Descriptions.Item>
            {item.reportedOn ? (
              <Descriptions.Item label={t("followUp.items.fields.reportedOn")}>
                {formatDateVi(item.reportedOn)}
              </Descriptions.Item>
            ) : null}
            {item.doneOn && item.state === "accepted" ? (
              <Descriptions.Item label={t("followUp.items.fields.doneOn")}>
                {formatDateVi(item.doneOn)}
              </Descriptions.Item>
            ) : null}
            {item.raiser ? (
              <Descriptions.Item label={t("followUp.items.fields.raiser")}>{item.raiser}</Descriptions.Item>
            ) : null}
            {item.field ? (
              <Descriptions.Item label={t("followUp.items.fields.field")}>{item.field}</Descriptions.Item>
            ) : null}
            {item.requiredResult ? (
              <Descriptions.Item label={t("followUp.items.fields.requiredResult")}>
                {item.requiredResult}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t(`followUp.items.fields.answer.${item.kind}`)}>
              <span style={{ whiteSpace: "pre-wrap" }} data-testid="item-answer">
                {text(item.answer)}
              </span>
            </Descriptions.Item>
            {item.reason && item.state !== "accepted" ? (
              <Descriptions.Item label={t("followUp.items.fields.reason")}>{item.reason}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <Divider titlePlacement="start" style={{ margin: "4px 0" }}>
            {t("followUp.items.files.title")}
          </Divider>
          <ItemFiles item={item} />
          <Divider titlePlacement="start" style={{ margin: "4px 0" }}>
            {t("followUp.items.history")}
          </Divider>
          <Comments item={item} />
          <Timeline
            data-testid="item-history"
            items={[...item.events].reverse().map((e) => ({
              key: e.id,
              color: e.action === "comment" ? "gray" : "blue",
              content: <EventLine e={e} item={item} />,
            }))}
          />
          {action ? <ItemActionDialog item={item} action={action} onClose={() => setAction(null)} /> : null}
        </Space>
      )}
    </Drawer>
  );
}
