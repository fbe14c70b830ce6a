import { App, Form, Modal, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import type { TaskGrid } from "../plans.api";
import { useBulkAssign, useBulkLink } from "../plans.queries";
import { ComponentSelect, type ComponentValue } from "./ComponentSelect";
import { ParticipantSelect, valueToRef } from "./ParticipantSelect";

type Props = {
  mode: "assign" | "link";
  planId: string;
  taskIds: string[];
  onClose: () => void;
  onDone: (grid: TaskGrid) => void;
};

/** Leads, coordinators or index components given to every selected task at once. */
export function BulkDialog({ mode, planId, taskIds, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assign = useBulkAssign();
  const link = useBulkLink();
  const [role, setRole] = useState<"lead" | "coordinating">("lead");
  const [how, setHow] = useState<"add" | "replace">("add");
  const [participants, setParticipants] = useState<string[]>([]);
  const [components, setComponents] = useState<ComponentValue[]>([]);
  const pending = assign.isPending || link.isPending;
  const done = (g: TaskGrid) => {
    message.success(t("plans.bulk.done", { count: taskIds.length }));
    onDone(g);
    onClose();
  };
  const submit = () =>
    mode === "assign"
      ? assign.mutate(
          { id: planId, input: { taskIds, role, participants: participants.map(valueToRef), mode: how } },
          { onSuccess: done },
        )
      : link.mutate({ id: planId, input: { taskIds, components, mode: how } }, { onSuccess: done });

  return (
    <Modal
      open
      title={
        mode === "assign"
          ? t("plans.bulk.assignTitle", { count: taskIds.length })
          : t("plans.bulk.linkTitle", { count: taskIds.length })
      }
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: pending, disabled: mode === "assign" && !participants.length }}
      okText={t("plans.bulk.apply")}
    >
      <QueryErrorAlert error={assign.error ?? link.error} />
      <Form layout="vertical">
        {mode === "assign" ? (
          <>
            <Form.Item label={t("plans.bulk.role")}>
              <Radio.Group
                value={role}
                onChange={(e) => setRole(e.target.value)}
                options={[
                  { value: "lead", label: t("plans.roles.lead") },
                  { value: "coordinating", label: t("plans.roles.coordinating") },
                ]}
              />
            </Form.Item>
            <Form.Item label={t("plans.bulk.participants")}>
              <ParticipantSelect value={participants} onChange={setParticipants} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t("plans.fields.components")}>
            <ComponentSelect value={components} onChange={setComponents} />
          </Form.Item>
        )}
        <Form.Item label={t("plans.bulk.mode")}>
          <Radio.Group
            value={how}
            onChange={(e) => setHow(e.target.value)}
            options={[
              { value: "add", label: t("plans.bulk.add") },
              { value: "replace", label: t("plans.bulk.replace") },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
