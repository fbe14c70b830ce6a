import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { UNIT_EVENT_KINDS } from "../../../../../core/src/auth/roles";
import { UnitSelect } from "../../../components/UnitSelect";
import { DATE_FORMAT, toIsoDate } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { OrgUnit, OrgUnitEventInput } from "../org-units.api";
import { useRecordOrgUnitEvent } from "../org-units.queries";

type Props = { unit: OrgUnit; onClose: () => void };

type Values = {
  kind: OrgUnitEventInput["kind"];
  predecessorIds: string[];
  successorMode: "existing" | "new" | "none";
  successorIds?: string[];
  newName?: string;
  newKind?: OrgUnit["kind"];
  effectiveDate: Dayjs;
  decision?: string;
  note?: string;
};

/** Records a merge, split, renaming or dissolution: old units end, successors carry their history on. */
export function UnitEventDialog({ unit, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const mutation = useRecordOrgUnitEvent();
  const kind = Form.useWatch("kind", form);
  const successorMode = Form.useWatch("successorMode", form);

  const submit = async () => {
    const v = await form.validateFields();
    const input: OrgUnitEventInput = {
      kind: v.kind,
      predecessorIds: v.predecessorIds,
      successorIds: v.successorMode === "existing" ? (v.successorIds ?? []) : [],
      newSuccessor:
        v.successorMode === "new" && v.newName
          ? {
              name: v.newName.trim(),
              kind: v.newKind ?? unit.kind,
              parentId: unit.parentId,
              validFrom: toIsoDate(v.effectiveDate),
            }
          : undefined,
      effectiveDate: toIsoDate(v.effectiveDate)!,
      decision: v.decision?.trim() ?? "",
      note: v.note?.trim() ?? "",
    };
    mutation.mutate(input, {
      onSuccess: () => {
        message.success(t("directory.eventRecorded"));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t("directory.eventTitle")}
      okText={t("directory.eventSubmit")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      width={680}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("directory.eventHelp")} style={{ marginBottom: 16 }} />
      {mutation.error ? (
        <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: "merge",
          predecessorIds: [unit.id],
          successorMode: "existing",
          newKind: unit.kind,
          effectiveDate: dayjs(),
        }}
      >
        <Form.Item name="kind" label={t("directory.eventKind")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={UNIT_EVENT_KINDS.map((k) => ({ value: k, label: labels.eventKind(k) }))}
            onChange={(e) => {
              if (e.target.value === "dissolve") form.setFieldValue("successorMode", "none");
            }}
          />
        </Form.Item>
        <Form.Item
          name="predecessorIds"
          label={t("directory.predecessors")}
          rules={[{ required: true, type: "array", min: 1, message: t("directory.predecessorsRequired") }]}
        >
          <UnitSelect
            multiple
            knownLabels={{ [unit.id]: unit.name }}
            aria-label={t("directory.predecessors")}
          />
        </Form.Item>
        <Form.Item name="successorMode" label={t("directory.successors")}>
          <Radio.Group
            options={[
              { value: "existing", label: t("directory.successorExisting") },
              { value: "new", label: t("directory.successorNew") },
              { value: "none", label: t("directory.successorNone") },
            ]}
          />
        </Form.Item>
        {successorMode === "existing" ? (
          <Form.Item
            name="successorIds"
            label={t("directory.successorUnits")}
            rules={[
              {
                required: kind !== "dissolve",
                type: "array",
                min: kind === "dissolve" ? 0 : 1,
                message: t("directory.successorsRequired"),
              },
            ]}
          >
            <UnitSelect multiple aria-label={t("directory.successorUnits")} />
          </Form.Item>
        ) : null}
        {successorMode === "new" ? (
          <>
            <Form.Item
              name="newName"
              label={t("directory.newSuccessorName")}
              rules={[
                { required: true, whitespace: true, message: t("directory.nameRequired") },
                { min: 2, message: t("directory.nameTooShort") },
                { max: 300, message: t("directory.nameTooLong") },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="newKind" label={t("directory.kind")}>
              <Select options={labels.unitKindOptions} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="effectiveDate"
          label={t("directory.effectiveDate")}
          rules={[{ required: true, message: t("directory.effectiveDateRequired") }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="decision"
          label={t("directory.decision")}
          rules={[{ max: 300, message: t("directory.decisionTooLong") }]}
        >
          <Input placeholder={t("directory.decisionPlaceholder")} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("directory.note")}
          rules={[{ max: 2000, message: t("directory.noteTooLong") }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
