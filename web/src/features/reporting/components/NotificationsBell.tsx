import "../reporting.css";
import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatDateTimeVi } from "../../../lib/dates";
import type { Notification } from "../reporting.api";
import { useEmailMode, useMarkRead, useNotifications, useSaveEmailMode } from "../reporting.queries";

const PAGE_SIZE = 20;

/** The header's bell: reminders, returns and acceptances, with the unread count. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const notifications = useNotifications({ page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const emailMode = useEmailMode();
  const saveEmailMode = useSaveEmailMode();
  const items = notifications.data?.notifications ?? [];
  // Counted by the server over every notice, not only the page shown.
  const unread = notifications.data?.unread ?? 0;
  const total = notifications.data?.total ?? 0;

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.reportId) {
      setOpen(false);
      navigate(`/reports/${n.reportId}`);
    } else if (n.followUpItemId || n.kind.startsWith("followUp.")) {
      // A follow-up item's notice opens the item (several items at once: the list of them).
      setOpen(false);
      navigate(n.followUpItemId ? `/follow-up?item=${n.followUpItemId}` : "/follow-up");
    }
  };

  const content = (
    <div style={{ width: 380, maxHeight: 440, overflow: "auto" }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          pagination={
            total > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total,
                  size: "small",
                  onChange: setPage,
                  align: "center",
                }
              : false
          }
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? "notification-read" : "notification-unread"}
              data-testid="notification-item"
              actions={
                n.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                        {t("notifications.markRead")}
                      </Button>,
                    ]
              }
            >
              <button type="button" className="notification-body" onClick={() => openItem(n)}>
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.body}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {formatDateTimeVi(n.createdAt)}
                </Typography.Text>
              </button>
            </List.Item>
          )}
        />
      )}
      <Space size={8} style={{ marginTop: 8, paddingTop: 8, borderTop: "1px solid #f0f0f0", width: "100%" }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("notifications.emailMode")}
        </Typography.Text>
        <Segmented
          size="small"
          data-testid="email-mode"
          value={emailMode.data ?? "immediate"}
          disabled={emailMode.isLoading || saveEmailMode.isPending}
          onChange={(v) => saveEmailMode.mutate(v as "immediate" | "daily")}
          options={[
            { value: "immediate", label: t("notifications.emailImmediate") },
            { value: "daily", label: t("notifications.emailDaily") },
          ]}
        />
      </Space>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t("notifications.title")}
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t("notifications.label", { count: unread })}
          data-testid="notifications-bell"
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}
