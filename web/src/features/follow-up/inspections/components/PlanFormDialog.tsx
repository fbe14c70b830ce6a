import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { provinceYear } from "../../../../lib/clock";
import { useMe } from "../../../auth/auth.queries";
import type { InspectionPlanDetail } from "../inspections.api";
import { useCreateInspectionPlan, useUpdateInspectionPlan } from "../inspections.queries";

type Values = { ownerUnitId?: string; year: number; number?: string; title: string; scope?: string };

/**
 * A yearly inspection plan's header: the inspecting unit (her own unit; a coordinator may plan for the
 * province), the year, the document's number, title and what the inspections look at. With `plan`,
 * edits it.
 */
export function PlanFormDialog({ plan, onClose }: { plan?: InspectionPlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const create = useCreateInspectionPlan();
  const update = useUpdateInspectionPlan();
  const [form] = Form.useForm<Values>();
  const mutation = plan ? update : create;

  const owners = [
    ...(me ? [{ value: me.unit.id, label: me.unit.name }] : []),
    ...(me?.province && me.user.roles.includes("coordinator") && me.province.id !== me.unit.id
      ? [{ value: me.province.id, label: me.province.name }]
      : []),
  ];

  const submit = (v: Values) => {
    const input = { year: v.year, number: v.number ?? "", title: v.title, scope: v.scope ?? "" };
    if (plan)
      update.mutate(
        { id: plan.id, input },
        {
          onSuccess: () => {
            message.success(t("followUp.inspections.planForm.saved"));
            onClose();
          },
        },
      );
    else
      create.mutate(
        { ...input, ownerUnitId: v.ownerUnitId },
        {
          onSuccess: (created) => {
            message.success(t("followUp.inspections.planForm.created"));
            onClose();
            navigate(`/follow-up/inspections/plans/${created.id}`);
          },
        },
      );
  };

  return (
    <Modal
      open
      title={plan ? t("followUp.inspections.planForm.editTitle") : t("followUp.inspections.planForm.title")}
      width={720}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: mutation.isPending, "data-testid": "inspection-plan-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={mutation.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          plan
            ? { year: plan.year, number: plan.number, title: plan.title, scope: plan.scope }
            : { year: provinceYear(), ownerUnitId: owners[0]?.value }
        }
      >
        <Row gutter={12}>
          {plan ? null : (
            <Col xs={24} md={12}>
              <Form.Item
                name="ownerUnitId"
                label={t("followUp.inspections.fields.owner")}
                rules={[{ required: true, message: t("followUp.inspections.planForm.ownerRequired") }]}
              >
                <Select options={owners} data-testid="inspection-plan-owner" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="year" label={t("followUp.inspections.fields.year")} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="number" label={t("followUp.inspections.fields.number")}>
              <Input placeholder="45/KH-SNV" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t("followUp.inspections.fields.title")}
          rules={[{ required: true, min: 5, message: t("followUp.inspections.planForm.titleRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="inspection-plan-title" />
        </Form.Item>
        <Form.Item name="scope" label={t("followUp.inspections.fields.scope")}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t("followUp.inspections.planForm.scopePlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
