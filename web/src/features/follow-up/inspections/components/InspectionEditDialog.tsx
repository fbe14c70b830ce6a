import { App, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { InspectionSummary } from "../inspections.api";
import { useCancelInspection, useUpdateInspection } from "../inspections.queries";

type EditValues = { dates: [Dayjs, Dayjs]; team?: string; scope?: string };

/** A planned inspection's dates, team and scope, written at the version shown. */
export function InspectionEditDialog({
  inspection,
  onClose,
}: {
  inspection: InspectionSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateInspection();
  const [form] = Form.useForm<EditValues>();
  const submit = (v: EditValues) =>
    update.mutate(
      {
        id: inspection.id,
        input: {
          version: inspection.version,
          startsOn: toIsoDate(v.dates[0]) ?? undefined,
          endsOn: toIsoDate(v.dates[1]) ?? undefined,
          team: v.team ?? "",
          scope: v.scope ?? "",
        },
      },
      {
        onSuccess: () => {
          message.success(t("followUp.inspections.edit.saved"));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t("followUp.inspections.edit.title", { unit: inspection.unitName })}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: update.isPending, "data-testid": "inspection-edit-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={update.error} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          dates: [fromIsoDate(inspection.startsOn), fromIsoDate(inspection.endsOn)],
          team: inspection.team,
          scope: inspection.scope,
        }}
      >
        <Form.Item name="dates" label={t("followUp.inspections.fields.dates")} rules={[{ required: true }]}>
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="team" label={t("followUp.inspections.fields.team")}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={t("followUp.inspections.fields.scope")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancels a planned inspection; the reason is required and kept. */
export function InspectionCancelDialog({
  inspection,
  onClose,
}: {
  inspection: InspectionSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelInspection();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t("followUp.inspections.cancel.title", { unit: inspection.unitName })}
      onCancel={onClose}
      okText={t("followUp.inspections.cancel.submit")}
      okButtonProps={
        { danger: true, loading: cancel.isPending, "data-testid": "inspection-cancel-submit" } as never
      }
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={cancel.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          cancel.mutate(
            { id: inspection.id, version: inspection.version, reason: v.reason },
            {
              onSuccess: () => {
                message.success(t("followUp.inspections.cancel.done"));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t("followUp.inspections.cancel.reason")}
          rules={[{ required: true, min: 3, message: t("followUp.inspections.cancel.reasonRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="inspection-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
