import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { provinceYear } from "../../../lib/clock";
import { DATE_FORMAT, toIsoDate } from "../../../lib/dates";
import { usePlanLabels } from "../labels";
import { useCreatePlan } from "../plans.queries";

type Values = {
  kind: string;
  number?: string;
  issuedDate?: Dayjs | null;
  issuerName?: string;
  place?: string;
  signerName?: string;
  signerTitle?: string;
  title: string;
  legalBases?: string;
  periodFrom?: number | null;
  periodTo?: number | null;
  objectives?: string;
  isFramework?: boolean;
};

const lines = (s: string | undefined) =>
  (s ?? "")
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);

/** A new draft plan: its header; the task table is written afterwards on the plan's page. */
export function PlanFormDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = usePlanLabels();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const [form] = Form.useForm<Values>();
  const year = provinceYear();

  const submit = (v: Values) =>
    create.mutate(
      {
        kind: v.kind as never,
        number: v.number ?? "",
        issuedDate: toIsoDate(v.issuedDate),
        issuerName: v.issuerName ?? "",
        place: v.place ?? "",
        signerName: v.signerName ?? "",
        signerTitle: v.signerTitle ?? "",
        title: v.title,
        legalBases: lines(v.legalBases),
        periodFrom: v.periodFrom ?? null,
        periodTo: v.periodTo ?? null,
        objectives: v.objectives ?? "",
        isFramework: !!v.isFramework,
      },
      {
        onSuccess: (plan) => {
          message.success(t("plans.form.created"));
          onClose();
          navigate(`/plans/${plan.id}?tab=tasks`);
        },
      },
    );

  return (
    <Modal
      open
      title={t("plans.form.title")}
      width={820}
      onCancel={onClose}
      okText={t("plans.form.submit")}
      okButtonProps={{ loading: create.isPending, "data-testid": "plan-form-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: "plan", periodFrom: year, periodTo: year }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t("plans.fields.kind")}>
              <Select options={labels.kindOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="number" label={t("plans.fields.number")}>
              <Input placeholder="107/KH-UBND" data-testid="plan-form-number" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuedDate" label={t("plans.fields.issuedDate")}>
              <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t("plans.fields.title")}
          rules={[{ required: true, min: 5, message: t("plans.form.titleRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="plan-form-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="issuerName" label={t("plans.fields.issuer")}>
              <Input placeholder="Ủy ban nhân dân tỉnh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t("plans.fields.place")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signerName" label={t("plans.fields.signer")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signerTitle" label={t("plans.fields.signerTitle")}>
              <Input placeholder="Chủ tịch" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodFrom" label={t("plans.fields.periodFrom")}>
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodTo" label={t("plans.fields.periodTo")}>
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isFramework" valuePropName="checked" label=" ">
              <Checkbox>{t("plans.form.isFramework")}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalBases" label={t("plans.fields.legalBases")} extra={t("plans.form.oneLine")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="objectives" label={t("plans.fields.objectives")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
