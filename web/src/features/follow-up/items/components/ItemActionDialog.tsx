import { App, DatePicker, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { FollowUpAction } from "../../../../../../core/src/follow-up/items";
import { UnitSelect } from "../../../../components/UnitSelect";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { ItemDetail } from "../items.api";
import { useItemTransition } from "../items.queries";
import { useItemLabels } from "../labels";

type Values = { unitId?: string | null; dueDate?: unknown; reason?: string; answer?: string };

/** What each act asks for (the server checks the same and says what is missing). */
function needs(action: FollowUpAction, item: ItemDetail) {
  return {
    unit: action === "assign" || action === "transfer" || (action === "reopen" && !item.unitId),
    due: action === "assign" ? "required" : action === "reopen" ? "optional" : null,
    reason: action === "transfer" || action === "return" || action === "close" || action === "reopen",
    note: action === "assign",
    answer: action === "report",
  };
}

/** One act on an item, with the inputs it needs: a unit, a deadline, a reason, the result reported. */
export function ItemActionDialog({
  item,
  action,
  onClose,
}: {
  item: ItemDetail;
  action: FollowUpAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useItemLabels();
  const transition = useItemTransition();
  const [form] = Form.useForm<Values>();
  const need = needs(action, item);
  const submit = (v: Values) =>
    transition.mutate(
      {
        id: item.id,
        action,
        version: item.version,
        ...(need.unit && v.unitId ? { unitId: v.unitId } : {}),
        ...(need.due && v.dueDate ? { dueDate: toIsoDate(v.dueDate as never) } : {}),
        ...((need.reason || need.note) && v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        ...(need.answer ? { answer: v.answer?.trim() ?? "" } : {}),
      },
      {
        onSuccess: () => {
          message.success(t("followUp.items.done", { action: labels.action(action) }));
          onClose();
        },
        onError: (e) => message.error(e.message, 8),
      },
    );
  const required = (key: string) => [
    { required: true, whitespace: true, message: t(`followUp.items.form.${key}Required`) },
  ];

  return (
    <Modal
      open
      title={`${labels.action(action)}: ${item.content.length > 80 ? `${item.content.slice(0, 79)}…` : item.content}`}
      okText={labels.action(action)}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transition.isPending}
      okButtonProps={
        { danger: action === "close" || action === "return", "data-testid": "item-action-ok" } as never
      }
      destroyOnHidden
      data-testid="item-action-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ dueDate: need.due === "required" ? fromIsoDate(item.dueDate) : undefined }}
      >
        {action === "accept" ? (
          <Typography.Paragraph>
            {t("followUp.items.form.acceptConfirm", { unit: item.unitName ?? "" })}
          </Typography.Paragraph>
        ) : null}
        {need.unit ? (
          <Form.Item
            name="unitId"
            label={t("followUp.items.form.unit")}
            rules={[{ required: true, message: t("followUp.items.form.unitRequired") }]}
          >
            <UnitSelect
              placeholder={t("followUp.items.form.unitPlaceholder")}
              data-testid="item-action-unit"
            />
          </Form.Item>
        ) : null}
        {need.due ? (
          <Form.Item
            name="dueDate"
            label={t("followUp.items.form.due")}
            extra={t("followUp.items.form.dueHint", { day: formatDateVi(item.aroseOn) })}
            rules={
              need.due === "required"
                ? [{ required: true, message: t("followUp.items.form.dueRequired") }]
                : []
            }
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="item-action-due" />
          </Form.Item>
        ) : null}
        {need.answer ? (
          <Form.Item
            name="answer"
            label={t(`followUp.items.form.answer.${item.kind}`)}
            extra={t("followUp.items.form.answerHint")}
            rules={required("answer")}
          >
            <Input.TextArea rows={5} maxLength={20_000} data-testid="item-action-answer" />
          </Form.Item>
        ) : null}
        {need.reason || need.note ? (
          <Form.Item
            name="reason"
            label={need.reason ? t("followUp.items.form.reason") : t("followUp.items.form.note")}
            rules={need.reason ? required("reason") : []}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="item-action-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
