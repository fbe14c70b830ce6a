import { Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DialogueDetail } from "../dialogues.api";
import { STATE_COLORS, STATUS_COLORS, useDialogueLabels } from "../labels";

/**
 * A dialogue's recommendations counted by the server: by state, by status class (the tasks' rule),
 * answers accepted and given on time, published. Nothing is counted here.
 */
export function DialogueCounts({ counts }: { counts: DialogueDetail["counts"] }) {
  const { t } = useTranslation();
  const labels = useDialogueLabels();
  const stat = (key: string, value: number) => (
    <Col xs={12} sm={6}>
      <Statistic title={t(`followUp.dialogues.counts.${key}`)} value={value} />
    </Col>
  );
  return (
    <Card size="small" title={t("followUp.dialogues.counts.title")} data-testid="dialogue-counts">
      <Row gutter={[12, 12]}>
        {stat("total", counts.total)}
        {stat("accepted", counts.accepted)}
        {stat("onTime", counts.answeredOnTime)}
        {stat("published", counts.published)}
      </Row>
      {counts.total ? (
        <Flex vertical gap={6} style={{ marginTop: 12 }}>
          <div>
            <Typography.Text type="secondary">{t("followUp.dialogues.counts.byState")}: </Typography.Text>
            <Flex wrap gap={4} style={{ display: "inline-flex" }}>
              {labels.states
                .filter((s) => counts.byState[s])
                .map((s) => (
                  <Tag key={s} color={STATE_COLORS[s]}>
                    {labels.state(s)}: {counts.byState[s]}
                  </Tag>
                ))}
            </Flex>
          </div>
          <div>
            <Typography.Text type="secondary">{t("followUp.dialogues.counts.byStatus")}: </Typography.Text>
            <Flex wrap gap={4} style={{ display: "inline-flex" }}>
              {labels.statuses
                .filter((s) => counts.byStatus[s])
                .map((s) => (
                  <Tag key={s} color={STATUS_COLORS[s]}>
                    {labels.status(s)}: {counts.byStatus[s]}
                  </Tag>
                ))}
            </Flex>
          </div>
        </Flex>
      ) : null}
    </Card>
  );
}
