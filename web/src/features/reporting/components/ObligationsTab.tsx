import { DashboardOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { obligationCreateBody } from "../../../../../core/src/api/reporting.schemas";
import { periodContaining, type ReportFrequency } from "../../../../../core/src/reporting/periods";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { UnitSelect } from "../../../components/UnitSelect";
import { ApiError } from "../../../lib/api-client";
import { DATE_FORMAT, formatDateVi, toIsoDate } from "../../../lib/dates";
import type { PlanDetail } from "../../plans/plans.api";
import { todayIso, useReportingLabels } from "../labels";
import type { Obligation, ObligationInput } from "../reporting.api";
import { useCreateObligation, useObligations, useOpenPeriod } from "../reporting.queries";
import { type QuestionDraft, QuestionsEditor } from "./QuestionsEditor";
import { RequestScopeFields } from "./RequestScopeFields";

const isDuplicate = (e: Error) => e instanceof ApiError && e.code === "reporting.duplicate";

/** A schema issue as the person reads it: which question, then what is wrong ("Câu hỏi 2: …"). */
function issueText(issue: { path: PropertyKey[]; message: string }, questionName: (n: number) => string) {
  const [field, index] = issue.path;
  return field === "questions" && typeof index === "number"
    ? `${questionName(index + 1)}: ${issue.message}`
    : issue.message;
}

/** The current period's key of an obligation ("2026-M11"), or "AH" for an ad hoc request. */
export const currentPeriodKey = (frequency: ReportFrequency) =>
  frequency === "adHoc" ? "AH" : periodContaining(frequency, todayIso()).key;

/** "Báo cáo định kỳ" on a plan: its reporting obligations, and opening a period of each. */
export function ObligationsTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const obligations = useObligations(plan.id);
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState<Obligation | null>(null);
  // The server allows it for an issued plan its author's unit manages; `can.amend` says exactly that.
  const canManage = plan.status === "issued" && plan.can.amend;

  const dueText = (o: Obligation) =>
    o.frequency === "adHoc"
      ? t("reporting.obligations.dueFixed", { date: formatDateVi(o.adHocDue) })
      : o.dueRule.kind === "dayOfLastMonth"
        ? t("reporting.obligations.dueDay", { day: o.dueRule.day })
        : o.dueRule.kind === "daysAfterEnd"
          ? t("reporting.obligations.dueAfter", { days: o.dueRule.days })
          : formatDateVi(o.dueRule.date);

  // Whom an aimed request asks and about what: "2 đơn vị · 1 nhiệm vụ · 3 câu hỏi".
  const scopeText = (o: Obligation) =>
    [
      o.unitIds ? t("reporting.request.scopeUnits", { count: o.unitIds.length }) : null,
      o.taskIds ? t("reporting.request.scopeTasks", { count: o.taskIds.length }) : null,
      o.questions.length ? t("reporting.request.scopeQuestions", { count: o.questions.length }) : null,
    ]
      .filter(Boolean)
      .join(" · ");

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="obligation-create"
          >
            {t("reporting.obligations.create")}
          </Button>
        ) : null}
        <Typography.Text type="secondary">{t("reporting.obligations.hint")}</Typography.Text>
      </Space>
      <QueryErrorAlert error={obligations.error} onRetry={() => obligations.refetch()} />
      <Table<Obligation>
        rowKey="id"
        size="small"
        loading={obligations.isLoading}
        dataSource={obligations.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("reporting.obligations.empty")} /> }}
        columns={[
          {
            title: t("reporting.obligations.title"),
            key: "title",
            render: (_, o) => (
              <>
                {o.title}
                {scopeText(o) ? (
                  <Typography.Text
                    type="secondary"
                    style={{ display: "block" }}
                    data-testid="obligation-scope"
                  >
                    {scopeText(o)}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t("reporting.obligations.frequency"),
            dataIndex: "frequency",
            render: (f: string) => <Tag>{labels.frequency(f)}</Tag>,
          },
          { title: t("reporting.obligations.due"), key: "due", render: (_, o) => dueText(o) },
          { title: t("reporting.obligations.receiver"), dataIndex: "receivingUnitName" },
          {
            title: t("reporting.obligations.approval"),
            dataIndex: "requiresApproval",
            render: (v: boolean) => (v ? t("reporting.yes") : t("reporting.no")),
          },
          {
            title: t("common.actions"),
            key: "actions",
            render: (_, o) => (
              <Space wrap>
                {canManage ? (
                  <Button size="small" onClick={() => setOpening(o)} data-testid="period-open">
                    {t("reporting.obligations.openPeriod")}
                  </Button>
                ) : null}
                <Link
                  to={`/reports/dashboard?obligationId=${o.id}&periodKey=${currentPeriodKey(o.frequency)}`}
                >
                  <DashboardOutlined /> {t("reporting.dashboard.title")}
                </Link>
              </Space>
            ),
          },
        ]}
      />
      {creating ? <ObligationDialog plan={plan} onClose={() => setCreating(false)} /> : null}
      {opening ? <OpenPeriodDialog obligation={opening} onClose={() => setOpening(null)} /> : null}
    </>
  );
}

type FormValues = {
  title: string;
  frequency: ReportFrequency;
  dueKind: "dayOfLastMonth" | "daysAfterEnd";
  dueDay: number;
  dueDays: number;
  openOffsetDays: number;
  lockAfterDays: number | null;
  receivingUnitId: string | null;
  requiresApproval: boolean;
  adHocStart: import("dayjs").Dayjs | null;
  adHocDue: import("dayjs").Dayjs | null;
  unitIds?: string[];
  groupId?: string | null;
  taskIds?: string[];
  questions?: QuestionDraft[];
};

function ObligationDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useReportingLabels();
  const create = useCreateObligation();
  const [form] = Form.useForm<FormValues>();
  const frequency = Form.useWatch("frequency", form);
  const dueKind = Form.useWatch("dueKind", form);

  const [problem, setProblem] = useState<string | null>(null);
  const submit = (v: FormValues, confirmDuplicate = false) => {
    const input: ObligationInput = {
      title: v.title,
      frequency: v.frequency,
      openOffsetDays: v.openOffsetDays ?? 0,
      lockAfterDays: v.lockAfterDays ?? null,
      receivingUnitId: v.receivingUnitId ?? plan.ownerUnitId,
      requiresApproval: v.requiresApproval,
      ...(v.frequency === "adHoc"
        ? {
            adHocStart: toIsoDate(v.adHocStart),
            adHocDue: toIsoDate(v.adHocDue),
            unitIds: v.unitIds ?? [],
            groupId: v.groupId ?? null,
            taskIds: v.taskIds ?? [],
            questions: v.questions ?? [],
          }
        : {
            dueRule:
              v.dueKind === "dayOfLastMonth"
                ? { kind: "dayOfLastMonth" as const, day: v.dueDay }
                : { kind: "daysAfterEnd" as const, days: v.dueDays },
          }),
    };
    // The API's own schema, with its Vietnamese messages, checks the form before it is sent.
    const checked = obligationCreateBody.safeParse(input);
    setProblem(
      checked.success
        ? null
        : issueText(checked.error.issues[0], (n) => t("reporting.questions.number", { n })),
    );
    if (!checked.success) return;
    create.mutate(
      { planId: plan.id, input: { ...input, confirmDuplicate } },
      {
        onSuccess: () => {
          message.success(t("reporting.obligations.created"));
          onClose();
        },
        onError: (e) => {
          // A request like one the plan has: the server's warning, and the choice to go on.
          if (e instanceof ApiError && e.code === "reporting.duplicate")
            modal.confirm({
              title: t("reporting.request.duplicateTitle"),
              content: e.message,
              okText: t("reporting.request.duplicateConfirm"),
              cancelText: t("common.cancel"),
              okButtonProps: { "data-testid": "duplicate-confirm" } as never,
              onOk: () => submit(v, true),
            });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("reporting.obligations.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "obligation-save" } as never}
      destroyOnHidden
    >
      {problem || (create.error && !isDuplicate(create.error)) ? (
        <Alert
          type="error"
          showIcon
          title={problem ?? create.error?.message}
          style={{ marginBottom: 12 }}
          data-testid="obligation-problem"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => submit(v)}
        initialValues={{
          title: t("reporting.obligations.defaultTitle"),
          frequency: "monthly",
          dueKind: "dayOfLastMonth",
          dueDay: 15,
          dueDays: 5,
          openOffsetDays: 0,
          lockAfterDays: 10,
          receivingUnitId: null,
          requiresApproval: false,
        }}
      >
        <Form.Item
          name="title"
          label={t("reporting.obligations.title")}
          rules={[{ required: true, message: t("reporting.obligations.titleRequired") }]}
        >
          <Input data-testid="obligation-title" maxLength={300} />
        </Form.Item>
        <Form.Item name="frequency" label={t("reporting.obligations.frequency")}>
          <Select options={labels.frequencyOptions} data-testid="obligation-frequency" />
        </Form.Item>
        {frequency === "adHoc" ? (
          <Space>
            <Form.Item
              name="adHocStart"
              label={t("reporting.obligations.adHocStart")}
              rules={[{ required: true }]}
            >
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item
              name="adHocDue"
              label={t("reporting.obligations.adHocDue")}
              rules={[{ required: true }]}
            >
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          </Space>
        ) : null}
        {frequency === "adHoc" ? (
          <>
            <RequestScopeFields planId={plan.id} />
            <QuestionsEditor />
          </>
        ) : (
          <Space align="start" wrap>
            <Form.Item name="dueKind" label={t("reporting.obligations.dueRule")}>
              <Select
                style={{ width: 260 }}
                options={[
                  { value: "dayOfLastMonth", label: t("reporting.obligations.dueKindDay") },
                  { value: "daysAfterEnd", label: t("reporting.obligations.dueKindAfter") },
                ]}
              />
            </Form.Item>
            {dueKind === "daysAfterEnd" ? (
              <Form.Item name="dueDays" label={t("reporting.obligations.days")}>
                <InputNumber min={0} max={120} />
              </Form.Item>
            ) : (
              <Form.Item name="dueDay" label={t("reporting.obligations.day")}>
                <InputNumber min={1} max={31} data-testid="obligation-due-day" />
              </Form.Item>
            )}
          </Space>
        )}
        <Space align="start" wrap>
          <Form.Item
            name="openOffsetDays"
            label={t("reporting.obligations.openOffset")}
            tooltip={t("reporting.obligations.openOffsetHelp")}
          >
            <InputNumber min={-60} max={366} />
          </Form.Item>
          <Form.Item
            name="lockAfterDays"
            label={t("reporting.obligations.lockAfter")}
            tooltip={t("reporting.obligations.lockAfterHelp")}
          >
            <InputNumber min={0} max={366} />
          </Form.Item>
        </Space>
        <Form.Item
          name="receivingUnitId"
          label={t("reporting.obligations.receiver")}
          extra={t("reporting.obligations.receiverHelp", { unit: plan.ownerUnitName })}
        >
          <UnitSelect allowClear />
        </Form.Item>
        <Form.Item name="requiresApproval" valuePropName="checked">
          <Checkbox>{t("reporting.obligations.requiresApproval")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpenPeriodDialog({ obligation, onClose }: { obligation: Obligation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = useOpenPeriod();
  const [periodKey, setPeriodKey] = useState(currentPeriodKey(obligation.frequency));
  return (
    <Modal
      open
      title={`${t("reporting.obligations.openPeriod")}: ${obligation.title}`}
      onCancel={onClose}
      okText={t("reporting.obligations.openPeriod")}
      cancelText={t("common.cancel")}
      confirmLoading={open.isPending}
      okButtonProps={{ "data-testid": "period-open-confirm" } as never}
      onOk={() =>
        open.mutate(
          { obligationId: obligation.id, periodKey: periodKey.trim() },
          {
            onSuccess: (r) => {
              message.success(
                t("reporting.obligations.opened", {
                  label: r.label,
                  count: r.reportsCreated,
                  due: formatDateVi(r.dueDate),
                }),
              );
              onClose();
            },
          },
        )
      }
    >
      {open.error ? (
        <Alert type="error" showIcon title={open.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      <Form layout="vertical">
        <Form.Item
          label={t("reporting.obligations.periodKey")}
          extra={t("reporting.obligations.periodKeyHelp")}
        >
          <Input
            value={periodKey}
            onChange={(e) => setPeriodKey(e.target.value)}
            data-testid="period-key"
            disabled={obligation.frequency === "adHoc"}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
