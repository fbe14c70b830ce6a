import { App, Button, DatePicker, Form, Input, Modal, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InitiativeAction } from "../../../../../../core/src/follow-up/initiatives";
import { UnitSelect } from "../../../../components/UnitSelect";
import { provinceToday } from "../../../../lib/clock";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { InitiativeDetail } from "../initiatives.api";
import { useDecideInitiative } from "../initiatives.queries";

type Values = { reason?: string; unitIds?: string[]; fromDate?: Dayjs | null };

/** Reject and reconsider need a reason (core's `initiativeTransition`); recognise and replicate take one. */
const NEEDS_REASON: InitiativeAction[] = ["reject", "reconsider"];

/** The decisions the province's coordinators may take now, each asked in a small dialog. */
export function DecisionButtons({ initiative: i }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<InitiativeAction | null>(null);
  if (!i.can.actions.length) return null;
  return (
    <>
      <Space wrap data-testid="initiative-decisions">
        {i.can.actions.map((a) => (
          <Button
            key={a}
            type={a === "recognise" ? "primary" : "default"}
            danger={a === "reject"}
            onClick={() => setAction(a)}
            data-testid={`initiative-${a}`}
          >
            {t(`followUp.initiatives.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {action ? <DecisionDialog initiative={i} action={action} onClose={() => setAction(null)} /> : null}
    </>
  );
}

function DecisionDialog({
  initiative: i,
  action,
  onClose,
}: {
  initiative: InitiativeDetail;
  action: InitiativeAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideInitiative();
  const [form] = Form.useForm<Values>();
  const replicate = action === "replicate";
  const needsReason = NEEDS_REASON.includes(action);

  const submit = (v: Values) =>
    decide.mutate(
      {
        id: i.id,
        action,
        version: i.version,
        reason: v.reason?.trim() || undefined,
        ...(replicate ? { unitIds: v.unitIds ?? [], fromDate: toIsoDate(v.fromDate) ?? undefined } : {}),
      },
      {
        onSuccess: () => {
          message.success(t("followUp.initiatives.decision.done"));
          onClose();
        },
        onError: (e) => message.error(e.message, 8),
      },
    );

  return (
    <Modal
      open
      title={t(`followUp.initiatives.decision.${action}Title`)}
      okText={t(`followUp.initiatives.actions.${action}`)}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: action === "reject", loading: decide.isPending, "data-testid": "decision-ok" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{i.title}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fromDate: fromIsoDate(provinceToday()), unitIds: [] }}
      >
        {replicate ? (
          <>
            <Form.Item
              name="unitIds"
              label={t("followUp.initiatives.decision.units")}
              rules={[
                {
                  required: true,
                  type: "array",
                  min: 1,
                  message: t("followUp.initiatives.decision.unitsRequired"),
                },
              ]}
            >
              <UnitSelect
                multiple
                aria-label={t("followUp.initiatives.decision.units")}
                data-testid="decision-units"
              />
            </Form.Item>
            <Form.Item
              name="fromDate"
              label={t("followUp.initiatives.decision.from")}
              rules={[{ required: true, message: t("followUp.initiatives.decision.fromRequired") }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: 180 }} data-testid="decision-from" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="reason"
          label={
            needsReason ? t("followUp.initiatives.decision.reason") : t("followUp.initiatives.decision.note")
          }
          rules={
            needsReason
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t("followUp.initiatives.decision.reasonRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="decision-reason"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {replicate
          ? t("followUp.initiatives.decision.tellsReplicate")
          : t("followUp.initiatives.decision.tells")}
      </Typography.Text>
    </Modal>
  );
}
