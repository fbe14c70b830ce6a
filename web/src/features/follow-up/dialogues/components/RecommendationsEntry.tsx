import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../../components/UnitSelect";
import { isApiError } from "../../../../lib/api-client";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../../lib/dates";
import type { DialogueDetail } from "../dialogues.api";
import { useAddRecommendations } from "../dialogues.queries";
import { useDialogueLabels } from "../labels";
import { ComponentPick, type ComponentRef } from "./ComponentPick";

type EntryRow = {
  content?: string;
  raiserKind: string;
  raiserName?: string;
  anonymous?: boolean;
  field?: string;
  component?: ComponentRef | null;
  unitId?: string | null;
  dueDate?: Dayjs | null;
};

/** Who raised what, by default: a dialogue with businesses hears businesses, one with citizens citizens. */
const DEFAULT_RAISER: Record<string, string> = {
  businesses: "business",
  citizens: "citizen",
  sector: "other",
};

/**
 * The recommendations raised at a dialogue, entered together as the minutes list them: one card each
 * (a card reads on a phone as well as on a desktop), saved all at once or not at all.
 */
export function RecommendationsEntry({
  dialogue,
  onClose,
}: {
  dialogue: DialogueDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDialogueLabels();
  const add = useAddRecommendations();
  const [form] = Form.useForm<{ rows: EntryRow[] }>();
  const rows = Form.useWatch("rows", form) ?? [];
  const blank = (): EntryRow => ({ raiserKind: DEFAULT_RAISER[dialogue.kind] ?? "other", anonymous: false });
  const heldOn = fromIsoDate(dialogue.heldOn);
  // Every problem the server named, "Kiến nghị 2: …", when it refused the whole batch.
  const problems =
    add.error && isApiError(add.error)
      ? ((add.error.details as { problems?: Array<{ message: string }> } | undefined)?.problems ?? [])
      : [];

  const submit = ({ rows: values }: { rows: EntryRow[] }) =>
    add.mutate(
      {
        id: dialogue.id,
        recommendations: values.map((r) => ({
          content: r.content ?? "",
          raiserKind: r.raiserKind as "business",
          raiserName: r.raiserName ?? "",
          anonymous: !!r.anonymous,
          field: r.field ?? "",
          component: r.component ?? null,
          unitId: r.unitId ?? null,
          dueDate: toIsoDate(r.dueDate),
        })),
      },
      {
        onSuccess: (res) => {
          message.success(t("followUp.dialogues.entry.saved", { count: res.created }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t("followUp.dialogues.entry.title")}
      width={900}
      onCancel={onClose}
      okText={t("followUp.dialogues.entry.submit", { count: rows.length })}
      okButtonProps={
        { loading: add.isPending, disabled: !rows.length, "data-testid": "recommendations-submit" } as never
      }
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("followUp.dialogues.entry.help")}</Typography.Paragraph>
      {add.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={problems.length ? t("followUp.dialogues.entry.problems") : add.error.message}
          description={
            problems.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ rows: [blank()] }}>
        <Form.List name="rows">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t("followUp.dialogues.entry.number", { n: index + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t("followUp.dialogues.entry.remove")}
                      />
                    ) : null
                  }
                  data-testid="recommendation-card"
                >
                  <Form.Item
                    name={[field.name, "content"]}
                    label={t("followUp.dialogues.recs.content")}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t("followUp.dialogues.entry.contentRequired"),
                      },
                    ]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} sm={8}>
                      <Form.Item
                        name={[field.name, "raiserKind"]}
                        label={t("followUp.dialogues.recs.raiserKind")}
                      >
                        <Select options={labels.raiserOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item
                        name={[field.name, "raiserName"]}
                        label={t("followUp.dialogues.recs.raiser")}
                      >
                        <Input
                          maxLength={300}
                          placeholder={t("followUp.dialogues.entry.raiserPlaceholder")}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={6}>
                      <Form.Item name={[field.name, "anonymous"]} valuePropName="checked" label=" ">
                        <Checkbox>{t("followUp.dialogues.recs.anonymous")}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, "field"]} label={t("followUp.dialogues.recs.field")}>
                        <Input maxLength={200} placeholder={t("followUp.dialogues.entry.fieldPlaceholder")} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={16}>
                      <Form.Item
                        name={[field.name, "component"]}
                        label={t("followUp.dialogues.recs.component")}
                      >
                        <ComponentPick placeholder={t("followUp.dialogues.entry.componentPlaceholder")} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={14}>
                      <Form.Item name={[field.name, "unitId"]} label={t("followUp.dialogues.recs.unit")}>
                        <UnitSelect aria-label={t("followUp.dialogues.recs.unit")} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item
                        name={[field.name, "dueDate"]}
                        label={t("followUp.dialogues.recs.due")}
                        rules={[
                          {
                            validator: (_, v: Dayjs | null | undefined) =>
                              v && heldOn && v.isBefore(heldOn, "day")
                                ? Promise.reject(new Error(t("followUp.dialogues.entry.dueBefore")))
                                : Promise.resolve(),
                          },
                        ]}
                      >
                        <DatePicker
                          format={DATE_FORMAT}
                          style={{ width: "100%" }}
                          disabledDate={(d) => !!heldOn && d.isBefore(heldOn, "day")}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => addRow(blank())}
                data-testid="recommendation-add-row"
              >
                {t("followUp.dialogues.entry.addRow")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
