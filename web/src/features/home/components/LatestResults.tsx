import { Card, Col, Row, Statistic, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { indexAbbreviation } from "../../../../../core/src/words/indices";
import { useFormat } from "../../indices/format";
import type { Home } from "../home.api";

/** The province's latest published result of each index: score, rank, change since the year before. */
export function LatestResults({ indices }: { indices: Home["indices"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!indices.latest.length) return null;
  return (
    <Card
      size="small"
      title={t("home.indices.title")}
      extra={<Link to={`/indices?province=${indices.provinceCode ?? ""}`}>{t("home.indices.open")}</Link>}
      data-testid="home-indices"
    >
      <Row gutter={[12, 12]}>
        {indices.latest.map(({ indexCode, indexName, point }) => (
          <Col key={indexCode} xs={12} md={8} lg={6}>
            <Statistic
              title={
                <Tooltip title={indexName}>
                  {indexAbbreviation(indexCode, f.lang)} {point.year}
                </Tooltip>
              }
              value={f.num(point.score)}
            />
            <Typography.Text type="secondary">
              {point.rankText ? t("home.indices.rank", { rank: point.rankText }) : ""}
              {point.placesChange ? ` (${f.signed(point.placesChange, 0)})` : ""}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
