import { Card, Descriptions, Flex, Space, Statistic, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format";
import type { ProfilePoint } from "../indices.api";
import { PlacesChange, ValueChange } from "./Change";

/** The latest figure of one index for one province series. */
export function IndexSummaryCard({ title, point }: { title: string; point: ProfilePoint | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!point)
    return (
      <Card size="small" title={title}>
        <Typography.Text type="secondary">{t("indices.profile.noResult")}</Typography.Text>
      </Card>
    );
  return (
    <Card size="small" title={title} extra={<Tag>{point.year}</Tag>}>
      <Flex gap={24} wrap>
        <Statistic
          title={t("indices.score")}
          value={point.score == null ? t("indices.profile.scoreNotPublished") : f.num(point.score)}
          styles={{ content: { fontSize: point.score == null ? 14 : 24 } }}
        />
        <Statistic
          title={t("indices.rank")}
          value={point.rankText ?? "–"}
          styles={{ content: { fontSize: 24 } }}
          suffix={
            point.rankComputed ? (
              <Tooltip title={t("indices.rankComputedHelp")}>
                <Tag color="default">{t("indices.computed")}</Tag>
              </Tooltip>
            ) : undefined
          }
        />
      </Flex>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t("indices.band")}>{point.band ?? "–"}</Descriptions.Item>
        <Descriptions.Item
          label={
            point.previousYear ? t("indices.changeSince", { year: point.previousYear }) : t("indices.change")
          }
        >
          {point.scoreChange == null && point.placesChange == null ? (
            "–"
          ) : (
            <Space wrap>
              {point.scoreChange != null ? (
                <>
                  <ValueChange value={point.scoreChange} />
                  <span>{t("indices.pointsShort")}</span>
                </>
              ) : null}
              <PlacesChange value={point.placesChange} />
            </Space>
          )}
        </Descriptions.Item>
        {point.regionalRank ? (
          <Descriptions.Item label={t("indices.regionalRank")}>
            {point.regionalRank}/{point.regionalRankOf ?? "?"}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
