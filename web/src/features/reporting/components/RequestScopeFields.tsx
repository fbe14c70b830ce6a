import { Form, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../components/UnitSelect";
import { useOrgGroups } from "../../org-units/org-units.queries";
import { useTaskGrid } from "../../plans/plans.queries";

/**
 * Whom an ad hoc request asks and about what: units typed by name, or a group of the directory, and
 * tasks of the plan. Left empty, every unit assigned to the plan is asked about every task of its own.
 */
export function RequestScopeFields({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const groups = useOrgGroups();
  const grid = useTaskGrid(planId);
  const taskOptions = useMemo(
    () =>
      (grid.data?.rows ?? [])
        .filter((r) => r.kind === "task")
        .map((r) => ({ value: r.id, label: `${r.number ? `${r.number}. ` : ""}${r.content}` })),
    [grid.data],
  );
  const groupOptions = useMemo(
    () => (groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
    [groups.data],
  );
  return (
    <>
      <Form.Item name="unitIds" label={t("reporting.request.units")} extra={t("reporting.request.unitsHelp")}>
        <UnitSelect
          multiple
          allowClear
          data-testid="request-units"
          aria-label={t("reporting.request.units")}
        />
      </Form.Item>
      <Form.Item name="groupId" label={t("reporting.request.group")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={groups.isLoading}
          options={groupOptions}
          placeholder={t("reporting.request.groupPlaceholder")}
          data-testid="request-group"
        />
      </Form.Item>
      <Form.Item name="taskIds" label={t("reporting.request.tasks")} extra={t("reporting.request.tasksHelp")}>
        <Select
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          loading={grid.isLoading}
          options={taskOptions}
          placeholder={t("reporting.request.tasksPlaceholder")}
          data-testid="request-tasks"
          maxTagTextLength={40}
        />
      </Form.Item>
    </>
  );
}
