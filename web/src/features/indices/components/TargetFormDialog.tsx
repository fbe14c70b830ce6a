import { Alert, App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { IndexDefinition, Target } from "../indices.api";
import { useCreateTarget, useUpdateTarget, useVersion } from "../indices.queries";
import { versionFor } from "../versionFor";

type Values = {
  indexCode?: string;
  componentCode?: string | null;
  targetValue?: number | null;
  rankFrom?: number | null;
  rankTo?: number | null;
  band?: string | null;
  note?: string;
};

type Props = {
  open: boolean;
  target: Target | null;
  provinceUnitId: string;
  year: number;
  indices: IndexDefinition[];
  onClose: () => void;
};

const BANDS = [
  "Rất tốt",
  "Tốt",
  "Khá",
  "Trung bình",
  "Tương đối thấp",
  "Thấp",
  "Nhóm cao nhất",
  "Nhóm trung bình cao",
  "Nhóm trung bình thấp",
  "Nhóm thấp nhất",
];

/** A target on an index or a component: value and/or rank range or band. */
export function TargetFormDialog({ open, target, provinceUnitId, year, indices, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const mutation = target ? update : create;
  const indexCode = Form.useWatch("indexCode", form) ?? target?.indexCode;
  const def = indices.find((i) => i.code === indexCode);
  const version = useVersion(versionFor(def, year)?.code);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on open only
  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (target)
      form.setFieldsValue({
        indexCode: target.indexCode,
        componentCode: target.componentCode,
        targetValue: target.targetValue,
        rankFrom: target.rankFrom,
        rankTo: target.rankTo,
        band: target.band,
        note: target.note,
      });
  }, [open, target]);

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      targetValue: v.targetValue ?? null,
      rankFrom: v.rankFrom ?? null,
      rankTo: v.rankTo ?? null,
      band: v.band?.trim() ? v.band.trim() : null,
      note: v.note ?? "",
    };
    const done = () => {
      message.success(target ? t("indices.targets.updated") : t("indices.targets.created"));
      onClose();
    };
    if (target) update.mutate({ id: target.id, input: fields }, { onSuccess: done });
    else
      create.mutate(
        {
          provinceUnitId,
          year,
          indexCode: v.indexCode ?? "",
          componentCode: v.componentCode ?? null,
          ...fields,
        },
        { onSuccess: done },
      );
  };

  const atLeastOne = {
    validator: () => {
      const v = form.getFieldsValue();
      return v.targetValue != null || v.rankFrom != null || v.rankTo != null || v.band?.trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t("indices.targets.needOne")));
    },
  };
  const rankOrder = {
    validator: () => {
      const v = form.getFieldsValue();
      return v.rankFrom == null || v.rankTo == null || v.rankFrom <= v.rankTo
        ? Promise.resolve()
        : Promise.reject(new Error(t("indices.targets.rankOrder")));
    },
  };

  return (
    <Modal
      open={open}
      title={target ? t("indices.targets.editTitle", { year }) : t("indices.targets.createTitle", { year })}
      onCancel={onClose}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={620}
    >
      {mutation.error ? (
        <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark="optional" data-testid="target-form">
        <Form.Item
          name="indexCode"
          label={t("indices.index")}
          rules={[{ required: true, message: t("indices.targets.indexRequired") }]}
        >
          <Select
            disabled={!!target}
            data-testid="target-index"
            options={indices.map((i) => ({
              value: i.code,
              label: `${i.code.replace("_", " ")} — ${i.nameVi}`,
            }))}
            onChange={() => form.setFieldValue("componentCode", null)}
          />
        </Form.Item>
        <Form.Item
          name="componentCode"
          label={t("indices.targets.component")}
          extra={t("indices.targets.componentHelp")}
        >
          <Select
            disabled={!!target}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            loading={version.isLoading}
            options={(version.data?.components ?? []).map((c) => ({
              value: c.code,
              label: `${c.number ? `${c.number}. ` : ""}${c.nameVi}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="targetValue"
          label={t("indices.targets.targetValue")}
          dependencies={["rankFrom", "rankTo", "band"]}
          rules={[atLeastOne]}
        >
          <InputNumber style={{ width: 200 }} decimalSeparator="," data-testid="target-value" />
        </Form.Item>
        <Form.Item label={t("indices.targets.rankRange")} style={{ marginBottom: 0 }}>
          <Form.Item
            name="rankFrom"
            style={{ display: "inline-block", marginRight: 12 }}
            rules={[{ type: "integer", min: 1, max: 200, message: t("indices.targets.rankInvalid") }]}
          >
            <InputNumber
              placeholder={t("indices.targets.rankFrom")}
              aria-label={t("indices.targets.rankFrom")}
              precision={0}
            />
          </Form.Item>
          <Form.Item
            name="rankTo"
            style={{ display: "inline-block" }}
            dependencies={["rankFrom"]}
            rules={[
              { type: "integer", min: 1, max: 200, message: t("indices.targets.rankInvalid") },
              rankOrder,
            ]}
          >
            <InputNumber
              placeholder={t("indices.targets.rankTo")}
              aria-label={t("indices.targets.rankTo")}
              precision={0}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item name="band" label={t("indices.band")} rules={[{ max: 100 }]}>
          <Select allowClear options={BANDS.map((b) => ({ value: b, label: b }))} />
        </Form.Item>
        <Form.Item name="note" label={t("indices.targets.note")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
