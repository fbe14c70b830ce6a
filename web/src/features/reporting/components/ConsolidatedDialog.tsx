import { Alert, Col, Form, Input, Modal, Row, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { type ConsolidatedDraft, downloadConsolidatedDocx, type PeriodQuery } from "../reporting.api";
import { useConsolidatedDraft } from "../reporting.queries";

type Values = Omit<ConsolidatedDraft, "copies"> & { copies: string };

const SECTIONS = [
  "tasks",
  "units",
  "figures",
  "reporting",
  "inspections",
  "dialogues",
  "initiatives",
] as const;
/** Sections whose prefilled text is what the report computes (her text replaces it), not an opening. */
const COMPUTED = new Set<string>(["reporting", "inspections", "dialogues", "initiatives"]);
const FOLLOW_UP = new Set<string>(["inspections", "dialogues", "initiatives"]);

/**
 * The consolidated report before download: every text the server would write, prefilled, for the
 * coordinator to edit: the addressee, each section's words (VI's, one per follow-up register, drafted
 * from the registers), "Nơi nhận" (one a line) and the signer.
 * Posted with the download and not stored: closing the dialog forgets the edits.
 */
export function ConsolidatedDialog({
  q,
  onClose,
  onDone,
}: {
  q: PeriodQuery;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const draft = useConsolidatedDraft(q);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await downloadConsolidatedDocx({
        ...q,
        ...v,
        copies: v.copies
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      });
      onDone();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={t("reporting.exports.docxTitle")}
      okText={t("reporting.exports.generate")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: !draft.data, "data-testid": "export-docx-confirm" } as never}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{t("reporting.exports.narrativeHelp")}</Typography.Paragraph>
      <QueryErrorAlert error={draft.error} onRetry={() => draft.refetch()} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      {!draft.data ? (
        draft.isLoading ? (
          <Skeleton active />
        ) : null
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ ...draft.data, copies: draft.data.copies.join("\n") }}
          onFinish={download}
          data-testid="consolidated-form"
        >
          <Form.Item name="recipient" label={t("reporting.exports.recipient")} rules={[{ max: 200 }]}>
            <Input data-testid="export-recipient" />
          </Form.Item>
          <Form.Item name="narrative" label={t("reporting.exports.narrative")} rules={[{ max: 50_000 }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} data-testid="export-narrative" />
          </Form.Item>
          {SECTIONS.map((s) => (
            <Form.Item
              key={s}
              name={["sections", s]}
              label={t(`reporting.exports.sections.${s}`)}
              extra={
                FOLLOW_UP.has(s)
                  ? t("reporting.exports.computedHelp")
                  : COMPUTED.has(s)
                    ? undefined
                    : t("reporting.exports.sectionHelp")
              }
              rules={[{ max: 20_000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid={`export-section-${s}`} />
            </Form.Item>
          ))}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="copies"
                label={t("reporting.exports.copies")}
                extra={t("reporting.exports.copiesHelp")}
                rules={[
                  {
                    validator: (_, v: string) =>
                      v.split("\n").filter((l) => l.trim()).length > 20
                        ? Promise.reject(new Error(t("reporting.exports.copiesMax")))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="export-copies" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="signerTitle" label={t("reporting.exports.signerTitle")} rules={[{ max: 100 }]}>
                <Input data-testid="export-signer-title" />
              </Form.Item>
              <Form.Item name="signerName" label={t("reporting.exports.signerName")} rules={[{ max: 100 }]}>
                <Input data-testid="export-signer-name" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}
