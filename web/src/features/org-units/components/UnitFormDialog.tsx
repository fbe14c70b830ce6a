import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { OrgUnit } from "../org-units.api";
import { useCreateOrgUnit, useUpdateOrgUnit } from "../org-units.queries";

type Props =
  | { mode: "edit"; unit: OrgUnit; onClose: () => void }
  | { mode: "create"; parent: OrgUnit | null; onClose: () => void; onCreated?: (id: string) => void };

type Values = {
  kind: OrgUnit["kind"];
  name: string;
  shortName?: string;
  code?: string;
  aliases?: string[];
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
};

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Edits a unit, or adds a child to it; messages match the server's own validation. */
export function UnitFormDialog(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const mutation = props.mode === "edit" ? update : create;

  const initial: Partial<Values> =
    props.mode === "edit"
      ? {
          kind: props.unit.kind,
          name: props.unit.name,
          shortName: props.unit.shortName ?? undefined,
          code: props.unit.code ?? undefined,
          aliases: props.unit.aliases,
          validFrom: fromIsoDate(props.unit.validFrom),
          validTo: fromIsoDate(props.unit.validTo),
        }
      : { kind: props.parent?.kind === "department" ? "internalUnit" : "commune", aliases: [] };

  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      kind: v.kind,
      name: v.name.trim(),
      shortName: orNull(v.shortName),
      code: orNull(v.code),
      aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean),
      validFrom: toIsoDate(v.validFrom),
      validTo: toIsoDate(v.validTo),
    };
    if (props.mode === "edit") {
      update.mutate(
        { id: props.unit.id, input },
        {
          onSuccess: () => {
            message.success(t("directory.saved"));
            props.onClose();
          },
        },
      );
    } else {
      create.mutate(
        { ...input, parentId: props.parent?.id ?? null },
        {
          onSuccess: (unit) => {
            message.success(t("directory.created"));
            props.onClose();
            props.onCreated?.(unit.id);
          },
        },
      );
    }
  };

  return (
    <Modal
      open
      title={
        props.mode === "edit"
          ? t("directory.editTitle")
          : t("directory.addChildTitle", { parent: props.parent?.name ?? "" })
      }
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
    >
      {mutation.error ? (
        <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="name"
          label={t("directory.name")}
          rules={[
            { required: true, whitespace: true, message: t("directory.nameRequired") },
            { min: 2, message: t("directory.nameTooShort") },
            { max: 300, message: t("directory.nameTooLong") },
          ]}
        >
          <Input autoFocus data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t("directory.kind")}
          rules={[{ required: true, message: t("directory.kindRequired") }]}
        >
          <Select options={labels.unitKindOptions} data-testid="unit-form-kind" />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t("directory.shortName")}
          rules={[{ max: 120, message: t("directory.shortNameTooLong") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t("directory.code")}
          rules={[{ max: 40, message: t("directory.codeTooLong") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="aliases" label={t("directory.aliases")} extra={t("directory.aliasesHint")}>
          <Select mode="tags" tokenSeparators={[";"]} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="validFrom" label={t("directory.validFrom")}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t("directory.validTo")}
          dependencies={["validFrom"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                const from: Dayjs | null = getFieldValue("validFrom");
                return !value || !from || !value.isBefore(from)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("directory.validToBeforeFrom")));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
