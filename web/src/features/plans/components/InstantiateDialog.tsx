import { Alert, App, Form, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { UnitSelect } from "../../../components/UnitSelect";
import { useOrgGroups } from "../../org-units/org-units.queries";
import type { PlanDetail } from "../plans.api";
import { useInstantiate } from "../plans.queries";

/** A framework plan copied for chosen units and groups: each gets its own editable draft. */
export function InstantiateDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const groups = useOrgGroups();
  const inst = useInstantiate();
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t("plans.instantiate.title")}
      onCancel={onClose}
      okText={t("plans.instantiate.submit")}
      okButtonProps={{ disabled: unitIds.length + groupIds.length === 0, loading: inst.isPending }}
      onOk={() =>
        inst.mutate(
          { id: plan.id, input: { unitIds, groupIds } },
          {
            onSuccess: (r) => {
              message.success(
                t("plans.instantiate.done", { count: r.planIds.length, skipped: r.skipped.length }),
              );
              onClose();
            },
          },
        )
      }
    >
      <Alert type="info" showIcon title={t("plans.instantiate.help")} style={{ marginBottom: 12 }} />
      <QueryErrorAlert error={inst.error} />
      <Form layout="vertical">
        <Form.Item label={t("plans.instantiate.units")}>
          <UnitSelect multiple value={unitIds} onChange={setUnitIds} />
        </Form.Item>
        <Form.Item label={t("plans.instantiate.groups")}>
          <Select
            mode="multiple"
            value={groupIds}
            onChange={setGroupIds}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
