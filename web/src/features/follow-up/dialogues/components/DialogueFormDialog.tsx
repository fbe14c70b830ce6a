import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { UnitSelect } from "../../../../components/UnitSelect";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { DialogueDetail, DialogueList } from "../dialogues.api";
import { useCreateDialogue, useUpdateDialogue } from "../dialogues.queries";
import { useDialogueLabels } from "../labels";

type Values = {
  hostUnitId?: string | null;
  heldOn: Dayjs | null;
  kind: string;
  title: string;
  chair?: string;
  sector?: string;
  participantCount?: number | null;
  participants?: string;
  minutes?: string;
};

/**
 * A dialogue's event: recorded (after it was held, or ahead as planned) or changed. The host is chosen
 * among the units the actor may hold a dialogue for (an administrator: any unit); it is not changed
 * afterwards, since the recommendations are followed by it.
 */
export function DialogueFormDialog({
  dialogue,
  can,
  onClose,
}: {
  dialogue?: DialogueDetail;
  can?: DialogueList["can"];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDialogueLabels();
  const navigate = useNavigate();
  const create = useCreateDialogue();
  const update = useUpdateDialogue();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const saving = create.isPending || update.isPending;

  const submit = (v: Values) => {
    const fields = {
      heldOn: toIsoDate(v.heldOn) ?? "",
      kind: v.kind as DialogueDetail["kind"],
      title: v.title,
      chair: v.chair ?? "",
      sector: v.sector ?? "",
      participantCount: v.participantCount ?? null,
      participants: v.participants ?? "",
      minutes: v.minutes ?? "",
    };
    if (dialogue)
      update.mutate(
        { id: dialogue.id, version: dialogue.version, ...fields },
        {
          onSuccess: () => {
            message.success(t("followUp.dialogues.form.saved"));
            onClose();
          },
        },
      );
    else
      create.mutate(
        { ...fields, hostUnitId: v.hostUnitId ?? undefined },
        {
          onSuccess: (created) => {
            message.success(t("followUp.dialogues.form.created"));
            onClose();
            navigate(`/follow-up/dialogues/${created.id}`);
          },
        },
      );
  };

  const hostUnits = can?.hostUnits ?? [];
  return (
    <Modal
      open
      title={t(dialogue ? "followUp.dialogues.form.editTitle" : "followUp.dialogues.form.createTitle")}
      width={760}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: saving, "data-testid": "dialogue-form-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={create.error ?? update.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          dialogue
            ? { ...dialogue, heldOn: fromIsoDate(dialogue.heldOn) }
            : { kind: "businesses", hostUnitId: hostUnits[0]?.id ?? null, heldOn: null }
        }
      >
        {dialogue ? null : (
          <Form.Item
            name="hostUnitId"
            label={t("followUp.dialogues.fields.host")}
            rules={[{ required: true, message: t("followUp.dialogues.form.hostRequired") }]}
          >
            {can?.anyHost ? (
              <UnitSelect aria-label={t("followUp.dialogues.fields.host")} />
            ) : (
              <Select
                options={hostUnits.map((u) => ({ value: u.id, label: u.name }))}
                aria-label={t("followUp.dialogues.fields.host")}
              />
            )}
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="heldOn"
              label={t("followUp.dialogues.fields.heldOn")}
              extra={t("followUp.dialogues.form.plannedHint")}
              rules={[{ required: true, message: t("followUp.dialogues.form.heldOnRequired") }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: "100%" }}
                data-testid="dialogue-form-held-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="kind"
              label={t("followUp.dialogues.fields.kind")}
              rules={[{ required: true, message: t("followUp.dialogues.form.kindRequired") }]}
            >
              <Select options={labels.kindOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t("followUp.dialogues.fields.title")}
          rules={[
            { required: true, min: 5, whitespace: true, message: t("followUp.dialogues.form.titleRequired") },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={500}
            data-testid="dialogue-form-title"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="chair" label={t("followUp.dialogues.fields.chair")}>
              <Input maxLength={200} placeholder={t("followUp.dialogues.form.chairPlaceholder")} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="sector"
              label={t("followUp.dialogues.fields.sector")}
              rules={[
                {
                  required: kind === "sector",
                  whitespace: true,
                  message: t("followUp.dialogues.form.sectorRequired"),
                },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="participantCount" label={t("followUp.dialogues.fields.participantCount")}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="participants" label={t("followUp.dialogues.fields.participants")}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={5000}
                placeholder={t("followUp.dialogues.form.participantsPlaceholder")}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="minutes" label={t("followUp.dialogues.fields.minutes")}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={50_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
