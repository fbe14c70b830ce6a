import { Alert, App, DatePicker, Form, Input, List, Modal, Skeleton, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../lib/dates";
import type { PlanDetail } from "../plans.api";
import { useIssuePlan, useReadiness } from "../plans.queries";

/** Issuing: what stops the plan is listed first; the number and date are settled here. */
export function IssueDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const readiness = useReadiness(plan.id, true);
  const issue = useIssuePlan();
  const [number, setNumber] = useState(plan.number);
  const [date, setDate] = useState<Dayjs | null>(fromIsoDate(plan.issuedDate) ?? dayjs());
  const problems = readiness.data?.problems ?? [];

  const submit = () =>
    issue.mutate(
      { id: plan.id, number: number.trim(), issuedDate: toIsoDate(date) ?? undefined },
      {
        onSuccess: (r) => {
          message.success(t("plans.issue.done", { count: r.assignmentsCreated }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t("plans.issue.title")}
      width={760}
      onCancel={onClose}
      okText={t("plans.issue.submit")}
      onOk={submit}
      okButtonProps={
        { loading: issue.isPending, disabled: !readiness.data, "data-testid": "plan-issue-confirm" } as never
      }
    >
      <QueryErrorAlert error={readiness.error ?? issue.error} />
      {readiness.isLoading ? (
        <Skeleton active />
      ) : problems.length ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t("plans.issue.problems", { count: problems.length })}
            style={{ marginBottom: 8 }}
          />
          <List
            size="small"
            bordered
            style={{ maxHeight: 280, overflow: "auto", marginBottom: 16 }}
            dataSource={problems}
            data-testid="plan-issue-problems"
            renderItem={(p) => (
              <List.Item>
                <Typography.Text>
                  {p.number ? <Typography.Text strong>{p.number}: </Typography.Text> : null}
                  {p.message}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      ) : readiness.data ? (
        <Alert type="success" showIcon title={t("plans.issue.ready")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form layout="vertical">
        <Form.Item label={t("plans.fields.number")} required>
          <Input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="107/KH-UBND"
            data-testid="plan-issue-number"
          />
        </Form.Item>
        <Form.Item label={t("plans.fields.issuedDate")} required>
          <DatePicker value={date} onChange={setDate} format={DATE_FORMAT} data-testid="plan-issue-date" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t("plans.issue.note")}</Typography.Text>
    </Modal>
  );
}
