import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../components/UnitSelect";
import { useLabels } from "../../../lib/labels";
import type { OrgGroup, OrgGroupInput } from "../org-units.api";
import { useSaveOrgGroup } from "../org-units.queries";

type Props = { group: OrgGroup | null; onClose: () => void };
type Values = Required<OrgGroupInput>;

/** A group is a rule (kinds under a parent) plus explicit members; it expands to its members at a date. */
export function GroupFormDialog({ group, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrgGroup();
  const ruleParentId = Form.useWatch("ruleParentId", form);

  const initial: Values = group
    ? {
        name: group.name,
        ruleKinds: group.ruleKinds,
        ruleParentId: group.ruleParentId,
        ruleDescendants: group.ruleDescendants,
        memberIds: group.memberIds,
      }
    : { name: "", ruleKinds: [], ruleParentId: null, ruleDescendants: false, memberIds: [] };

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        id: group?.id ?? null,
        input: {
          name: v.name.trim(),
          ruleKinds: v.ruleKinds ?? [],
          ruleParentId: v.ruleParentId ?? null,
          ruleDescendants: !!v.ruleDescendants,
          memberIds: v.memberIds ?? [],
        },
      },
      {
        onSuccess: () => {
          message.success(t("groups.saved"));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={group ? t("groups.editTitle") : t("groups.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      {save.error ? (
        <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t("groups.name")}
          rules={[
            { required: true, whitespace: true, message: t("groups.nameRequired") },
            { min: 2, message: t("groups.nameTooShort") },
            { max: 200, message: t("groups.nameTooLong") },
          ]}
        >
          <Input autoFocus data-testid="group-form-name" />
        </Form.Item>
        <Form.Item name="ruleKinds" label={t("groups.ruleKinds")} extra={t("groups.ruleKindsHint")}>
          <Select mode="multiple" options={labels.unitKindOptions} allowClear />
        </Form.Item>
        <Form.Item name="ruleParentId" label={t("groups.ruleParent")}>
          <UnitSelect
            aria-label={t("groups.ruleParent")}
            knownLabels={
              group?.ruleParentId && group.ruleParentName
                ? { [group.ruleParentId]: group.ruleParentName }
                : undefined
            }
          />
        </Form.Item>
        <Form.Item name="ruleDescendants" valuePropName="checked">
          <Checkbox disabled={!ruleParentId}>{t("groups.ruleDescendants")}</Checkbox>
        </Form.Item>
        <Form.Item
          name="memberIds"
          label={t("groups.explicitMembers")}
          extra={t("groups.explicitMembersHint")}
        >
          <UnitSelect multiple includeHistorical aria-label={t("groups.explicitMembers")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
