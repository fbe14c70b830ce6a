import { Button, Col, Modal, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";

export type ConflictField = { label: string; mine: string; theirs: string };

/** Two people edited the same text: hers and the saved one side by side; she chooses, nothing is lost silently. */
export function ConflictDialog({
  fields,
  onKeepMine,
  onTakeTheirs,
}: {
  fields: ConflictField[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={880}
      closable={false}
      maskClosable={false}
      title={t("reporting.conflict.title")}
      footer={[
        <Button key="theirs" onClick={onTakeTheirs} data-testid="conflict-theirs">
          {t("reporting.conflict.takeTheirs")}
        </Button>,
        <Button key="mine" type="primary" onClick={onKeepMine} data-testid="conflict-mine">
          {t("reporting.conflict.keepMine")}
        </Button>,
      ]}
      data-testid="conflict-dialog"
    >
      <Typography.Paragraph>{t("reporting.conflict.intro")}</Typography.Paragraph>
      {fields.map((f) => (
        <div key={f.label} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{f.label}</Typography.Text>
          <Row gutter={12}>
            <Col span={12}>
              <Typography.Text type="secondary">{t("reporting.conflict.mine")}</Typography.Text>
              <pre className="report-conflict-text">{f.mine || "—"}</pre>
            </Col>
            <Col span={12}>
              <Typography.Text type="secondary">{t("reporting.conflict.theirs")}</Typography.Text>
              <pre className="report-conflict-text">{f.theirs || "—"}</pre>
            </Col>
          </Row>
        </div>
      ))}
    </Modal>
  );
}
