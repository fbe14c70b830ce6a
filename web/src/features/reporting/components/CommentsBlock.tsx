import { CommentOutlined } from "@ant-design/icons";
import { App, Button, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTimeVi } from "../../../lib/dates";
import type { ReportComment } from "../reporting.api";
import { useAddComment } from "../reporting.queries";

/** The review comments on a task (or on the whole report), shown where the unit works. */
export function CommentsBlock({
  reportId,
  taskId,
  comments,
  canComment,
}: {
  reportId: string;
  taskId: string | null;
  comments: ReportComment[];
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddComment();
  const [body, setBody] = useState("");
  if (!comments.length && !canComment) return null;
  return (
    <div className="report-comments">
      {comments.length ? (
        <List
          size="small"
          header={
            <Typography.Text strong>
              <CommentOutlined /> {t("reporting.comments.title")}
            </Typography.Text>
          }
          dataSource={comments}
          renderItem={(c) => (
            <List.Item data-testid="report-comment">
              <div>
                <Typography.Text strong>{c.authorName}</Typography.Text>{" "}
                <Typography.Text type="secondary">{formatDateTimeVi(c.createdAt)}</Typography.Text>
                <div style={{ whiteSpace: "pre-wrap" }}>{c.body}</div>
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {canComment ? (
        <Space.Compact style={{ width: "100%", marginTop: 6 }}>
          <Input
            size="small"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={
              taskId ? t("reporting.comments.placeholderTask") : t("reporting.comments.placeholderReport")
            }
            aria-label={t("reporting.comments.add")}
            data-testid={taskId ? "comment-task-input" : "comment-report-input"}
            onPressEnter={() => body.trim() && document.getElementById(`send-${taskId ?? "report"}`)?.click()}
          />
          <Button
            id={`send-${taskId ?? "report"}`}
            size="small"
            disabled={!body.trim()}
            loading={add.isPending}
            data-testid={taskId ? "comment-task-send" : "comment-report-send"}
            onClick={() =>
              add.mutate(
                { id: reportId, taskId, body: body.trim() },
                { onSuccess: () => setBody(""), onError: (e) => message.error(e.message) },
              )
            }
          >
            {t("reporting.comments.add")}
          </Button>
        </Space.Compact>
      ) : null}
    </div>
  );
}
