import "../reporting.css";
import {
  ArrowLeftOutlined,
  CheckOutlined,
  RollbackOutlined,
  SendOutlined,
  UnlockOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from "antd";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ReportAction } from "../../../../../core/src/reporting/report-state";
import { sendStep } from "../../../../../core/src/reporting/send-step";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateTimeVi, formatDateVi } from "../../../lib/dates";
import { CommentsBlock } from "../components/CommentsBlock";
import { DaysLeft } from "../components/DaysLeft";
import { EntryList } from "../components/EntryList";
import { EvidenceBlock } from "../components/EvidenceBlock";
import { GeneralPart } from "../components/GeneralPart";
import { QuestionsBlock } from "../components/QuestionsBlock";
import { REPORT_STATE_COLORS, todayIso, useReportingLabels } from "../labels";
import type { ReportDetail } from "../reporting.api";
import { useLatePermission, useReport, useTransition } from "../reporting.queries";

/** A unit's report for one period: the form the unit fills, and the coordinator's review of it. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const report = useReport(id);
  const flushers = useRef(new Map<string, { flush: () => Promise<boolean>; label: string }>());
  const register = useCallback((key: string, flush: (() => Promise<boolean>) | null, label: string) => {
    if (flush) flushers.current.set(key, { flush, label });
    else flushers.current.delete(key);
  }, []);
  const versionRef = useRef(0);
  const onGeneralSaved = useCallback((v: number) => {
    versionRef.current = v;
  }, []);

  if (report.isLoading) return <Skeleton active />;
  if (report.error || !report.data)
    return (
      <>
        <PageTitle title={t("reporting.form.title")} />
        <QueryErrorAlert error={report.error} onRetry={() => report.refetch()} />
        <Link to="/reports">
          <ArrowLeftOutlined /> {t("reporting.form.back")}
        </Link>
      </>
    );
  const r = report.data;
  if (r.version > versionRef.current) versionRef.current = r.version;
  // The receiver reviews task by task; the unit answers where a comment was made.
  const reviewer = r.can.return || r.can.accept || r.can.reopen || r.can.allowLate;
  /** Saves everything typed; answers the parts that could not be saved (none: all is saved). */
  const flushAll = async () => {
    const parts = [...flushers.current.values()];
    const saved = await Promise.all(parts.map((p) => p.flush()));
    return parts.filter((_, i) => !saved[i]).map((p) => p.label);
  };

  return (
    <>
      <Link to="/reports">
        <ArrowLeftOutlined /> {t("reporting.form.back")}
      </Link>
      <PageTitle
        title={`${r.obligationTitle} · ${r.periodLabel}`}
        extra={<ReportActions report={r} versionRef={versionRef} flushAll={flushAll} />}
      />
      {r.fromDevice && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-from-device"
          style={{ marginBottom: 12 }}
          message={t("reporting.form.fromDevice", {
            at: formatDateTimeVi(new Date(r.fromDevice).toISOString()),
          })}
        />
      )}
      <ReportHeader report={r} />
      <Flex vertical gap={12}>
        <EntryList report={r} reviewer={reviewer} register={register} flushAll={flushAll} />
        <QuestionsBlock report={r} canEdit={r.can.edit} register={register} />
        <GeneralPart report={r} canEdit={r.can.edit} register={register} onSaved={onGeneralSaved} />
        <Flex gap={16} wrap>
          <div style={{ flex: "1 1 360px" }}>
            <EvidenceBlock
              reportId={r.id}
              entryId={null}
              items={r.evidence.filter((ev) => ev.entryId === null)}
              canEdit={r.can.edit}
            />
          </div>
          <div style={{ flex: "1 1 360px" }}>
            <CommentsBlock
              reportId={r.id}
              taskId={null}
              comments={r.comments.filter((c) => c.taskId === null)}
              canComment={r.can.comment}
            />
          </div>
        </Flex>
      </Flex>
    </>
  );
}

function ReportHeader({ report: r }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const today = todayIso();
  const open = r.state === "draft" || r.state === "returned";
  const pastLock = !!r.lockDate && today > r.lockDate;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t("reporting.fields.unit")}>{r.unitName}</Descriptions.Item>
        <Descriptions.Item label={t("reporting.fields.state")}>
          <Tag color={REPORT_STATE_COLORS[r.state]} data-testid="report-state" data-state={r.state}>
            {labels.state(r.state)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("reporting.fields.due")}>
          {formatDateVi(r.dueDate)} {open ? <DaysLeft due={r.dueDate} /> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t("reporting.fields.period")}>
          {formatDateVi(r.periodStart)} – {formatDateVi(r.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t("reporting.fields.lock")}>
          {r.lockDate ? formatDateVi(r.lockDate) : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("reporting.fields.submittedAt")}>
          {r.submittedAt ? formatDateTimeVi(r.submittedAt) : "—"}
        </Descriptions.Item>
      </Descriptions>
      {r.state === "returned" && r.returnReason ? (
        <Alert
          type="warning"
          showIcon
          title={t("reporting.form.returned")}
          description={r.returnReason}
          style={{ marginBottom: 12 }}
          data-testid="report-return-notice"
        />
      ) : null}
      {open && pastLock && !r.lateAllowed ? (
        <Alert
          type="error"
          showIcon
          title={t("reporting.form.locked", { date: formatDateVi(r.lockDate) })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {open && pastLock && r.lateAllowed ? (
        <Alert type="info" showIcon title={t("reporting.form.lateAllowed")} style={{ marginBottom: 12 }} />
      ) : null}
      {r.state === "pendingApproval" ? (
        <Alert
          type="info"
          showIcon
          title={t("reporting.form.pendingApproval")}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {r.state === "accepted" ? (
        <Alert type="success" showIcon title={t("reporting.form.accepted")} style={{ marginBottom: 12 }} />
      ) : null}
      {!r.can.edit && open && !pastLock ? (
        <Typography.Paragraph type="secondary">{t("reporting.form.readOnly")}</Typography.Paragraph>
      ) : null}
    </>
  );
}

function ReportActions({
  report: r,
  versionRef,
  flushAll,
}: {
  report: ReportDetail;
  versionRef: React.RefObject<number>;
  flushAll: () => Promise<string[]>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition();
  const late = useLatePermission();
  const [reasonFor, setReasonFor] = useState<"return" | "reopen" | null>(null);
  const [reason, setReason] = useState("");

  const submitAction: ReportAction = r.state === "returned" ? "resubmit" : "submit";
  // The label says where the report goes: to the unit's head, or on to the receiver (core's rule).
  const step = sendStep(r.submitLeadsTo) ?? "toReceiver";
  const receiver = { receiver: r.receivingUnitName };
  const submitLabel = t(`reporting.actions.send.${step}`, receiver);
  const submitConfirm = t(`reporting.actions.sendConfirm.${step}`, receiver);
  // The head returns a report awaiting her to its writer; a receiver returns it to the unit.
  const returnLabel =
    r.state === "pendingApproval" ? t("reporting.actions.returnToWriter") : t("reporting.actions.return");

  const act = async (action: ReportAction, why?: string) => {
    // Whatever she typed last is saved before the report leaves her hands; a part that could not be
    // saved (a dropped connection, someone else's edit) stops the submission and is named.
    let unsaved = await flushAll();
    if (unsaved.length) unsaved = await flushAll();
    if (unsaved.length) {
      message.error(t("reporting.form.unsaved", { parts: unsaved.join("; ") }), 8);
      return;
    }
    transition.mutate(
      { id: r.id, action, version: versionRef.current, reason: why },
      {
        onSuccess: () => {
          message.success(
            (action === "submit" || action === "resubmit") && step === "toHead"
              ? t("reporting.actions.done.toHead")
              : t(`reporting.actions.done.${action}`),
          );
          setReasonFor(null);
          setReason("");
        },
        onError: (e) => message.error(e.message),
      },
    );
  };
  return (
    <Space wrap>
      {r.can.submit ? (
        <Popconfirm
          title={submitConfirm}
          okText={submitLabel}
          cancelText={t("common.cancel")}
          onConfirm={() => act(submitAction)}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={transition.isPending}
            data-testid="report-submit"
          >
            {submitLabel}
          </Button>
        </Popconfirm>
      ) : null}
      {r.can.approve ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={transition.isPending}
          onClick={() => act("approve")}
          data-testid="report-approve"
        >
          {t("reporting.actions.approveTo", receiver)}
        </Button>
      ) : null}
      {r.can.accept ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={transition.isPending}
          onClick={() => act("accept")}
          data-testid="report-accept"
        >
          {t("reporting.actions.accept")}
        </Button>
      ) : null}
      {r.can.return ? (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setReasonFor("return")}
          data-testid="report-return"
        >
          {returnLabel}
        </Button>
      ) : null}
      {r.can.reopen ? (
        <Button icon={<UnlockOutlined />} onClick={() => setReasonFor("reopen")} data-testid="report-reopen">
          {t("reporting.actions.reopen")}
        </Button>
      ) : null}
      {r.can.allowLate ? (
        <Space size={4}>
          <Switch
            checked={r.lateAllowed}
            loading={late.isPending}
            onChange={(allowed) =>
              late.mutate(
                { id: r.id, allowed },
                {
                  onSuccess: () =>
                    message.success(allowed ? t("reporting.actions.lateOn") : t("reporting.actions.lateOff")),
                  onError: (e) => message.error(e.message),
                },
              )
            }
            data-testid="report-allow-late"
            aria-label={t("reporting.actions.allowLate")}
          />
          <Typography.Text>{t("reporting.actions.allowLate")}</Typography.Text>
        </Space>
      ) : null}
      <Modal
        open={reasonFor !== null}
        title={reasonFor === "reopen" ? t("reporting.actions.reopen") : returnLabel}
        okText={reasonFor === "reopen" ? t("reporting.actions.reopen") : returnLabel}
        cancelText={t("common.cancel")}
        okButtonProps={
          {
            danger: reasonFor === "return",
            disabled: !reason.trim(),
            "data-testid": "report-return-confirm",
          } as never
        }
        confirmLoading={transition.isPending}
        onCancel={() => setReasonFor(null)}
        onOk={() => reasonFor && act(reasonFor, reason.trim())}
      >
        <label className="report-label" htmlFor="return-reason">
          {t("reporting.actions.reason")}
        </label>
        <Input.TextArea
          id="return-reason"
          autoSize={{ minRows: 3 }}
          value={reason}
          maxLength={5000}
          onChange={(e) => setReason(e.target.value)}
          data-testid="report-return-reason"
        />
      </Modal>
    </Space>
  );
}
