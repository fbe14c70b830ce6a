import { App, Button, Card, DatePicker, Empty, Form, Input, List, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { DATE_FORMAT, formatDateTimeVi, formatDateVi, toIsoDate } from "../../../lib/dates";
import type { PlanDetail } from "../plans.api";
import { useAmendPlan } from "../plans.queries";

type Values = { documentNumber: string; documentDate?: Dayjs | null; summary: string };

/** An issued plan changes only by a recorded amendment: which document, what changed. */
export function AmendmentsTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const amend = useAmendPlan();
  const [form] = Form.useForm<Values>();
  return (
    <>
      <List
        bordered
        dataSource={plan.amendments}
        locale={{ emptyText: <Empty description={t("plans.amendments.empty")} /> }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={`${a.documentNumber}${a.documentDate ? ` — ${formatDateVi(a.documentDate)}` : ""}`}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: "pre-wrap" }}>
                    {a.summary}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {a.createdByName} · {formatDateTimeVi(a.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {plan.can.amend ? (
        <Card title={t("plans.amendments.new")} size="small" style={{ marginTop: 16, maxWidth: 720 }}>
          <QueryErrorAlert error={amend.error} />
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={(v) =>
              amend.mutate(
                {
                  id: plan.id,
                  input: {
                    documentNumber: v.documentNumber,
                    documentDate: toIsoDate(v.documentDate),
                    summary: v.summary,
                  },
                },
                {
                  onSuccess: () => {
                    form.resetFields();
                    message.success(t("plans.amendments.saved"));
                  },
                },
              )
            }
          >
            <Form.Item
              name="documentNumber"
              label={t("plans.amendments.documentNumber")}
              rules={[{ required: true, message: t("plans.amendments.numberRequired") }]}
            >
              <Input placeholder="150/KH-UBND" />
            </Form.Item>
            <Form.Item name="documentDate" label={t("plans.amendments.documentDate")}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t("plans.amendments.summary")}
              rules={[{ required: true, min: 3, message: t("plans.amendments.summaryRequired") }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t("plans.amendments.help")}</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={amend.isPending} data-testid="plan-amend">
              {t("plans.amendments.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
