import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { UnitSelect } from "../../../../components/UnitSelect";
import { DATE_FORMAT, toIsoDate } from "../../../../lib/dates";
import { useOrgGroups } from "../../../org-units/org-units.queries";
import { useAddUnits } from "../inspections.queries";

type Values = {
  unitIds?: string[];
  groupIds?: string[];
  dates: [Dayjs, Dayjs];
  team?: string;
  scope?: string;
};

/**
 * Units to inspect, several at once: chosen one by one or as the directory's groups ("UBND các xã,
 * phường"), with the dates (inside the plan's year), the team and what is inspected. Units already in
 * the plan are left as they are and named.
 */
export function AddUnitsDialog({
  planId,
  year,
  onClose,
}: {
  planId: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const groups = useOrgGroups();
  const add = useAddUnits();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    add.mutate(
      {
        planId,
        input: {
          unitIds: v.unitIds ?? [],
          groupIds: v.groupIds ?? [],
          startsOn: toIsoDate(v.dates[0]) ?? "",
          endsOn: toIsoDate(v.dates[1]) ?? "",
          team: v.team ?? "",
          scope: v.scope ?? "",
        },
      },
      {
        onSuccess: (r) => {
          onClose();
          if (r.skipped.length)
            modal.info({
              title: t("followUp.inspections.addUnits.added", { count: r.added }),
              content: t("followUp.inspections.addUnits.skipped", {
                names: r.skipped.map((s) => s.unitName).join(", "),
              }),
            });
          else message.success(t("followUp.inspections.addUnits.added", { count: r.added }));
        },
      },
    );

  return (
    <Modal
      open
      title={t("followUp.inspections.addUnits.title")}
      width={720}
      onCancel={onClose}
      okText={t("followUp.inspections.addUnits.submit")}
      okButtonProps={{ loading: add.isPending, "data-testid": "add-units-submit" } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <QueryErrorAlert error={add.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ unitIds: [], groupIds: [] }}
      >
        <Form.Item name="unitIds" label={t("followUp.inspections.addUnits.units")}>
          <UnitSelect
            multiple
            data-testid="add-units-units"
            aria-label={t("followUp.inspections.addUnits.units")}
          />
        </Form.Item>
        <Form.Item
          name="groupIds"
          label={t("followUp.inspections.addUnits.groups")}
          extra={t("followUp.inspections.addUnits.groupsHint")}
        >
          <Select
            mode="multiple"
            allowClear
            loading={groups.isLoading}
            optionFilterProp="label"
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            aria-label={t("followUp.inspections.addUnits.groups")}
          />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          title={t("followUp.inspections.addUnits.yearHint", { year })}
          style={{ marginBottom: 12 }}
        />
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="dates"
              label={t("followUp.inspections.fields.dates")}
              rules={[{ required: true, message: t("followUp.inspections.addUnits.datesRequired") }]}
            >
              <DatePicker.RangePicker
                format={DATE_FORMAT}
                style={{ width: "100%" }}
                defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                data-testid="add-units-dates"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="team" label={t("followUp.inspections.fields.team")}>
              <Input placeholder={t("followUp.inspections.addUnits.teamPlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scope" label={t("followUp.inspections.fields.scope")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
