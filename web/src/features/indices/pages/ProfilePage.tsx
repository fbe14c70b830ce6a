import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Space, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ExportButton } from "../components/ExportButton";
import { IndexSummaryCard } from "../components/IndexSummaryCard";
import { ProfileCharts } from "../components/ProfileCharts";
import { ProfileTable } from "../components/ProfileTable";
import { ProvinceSelect } from "../components/ProvinceSelect";
import { profileXlsxUrl } from "../indices.api";
import { useDefinitions, useProfile } from "../indices.queries";
import { breaksOf } from "../methodBreaks";
import { seriesLabel } from "../seriesLabel";
import { useIndexParams } from "../useIndexParams";

/** The province's profile: every index, its latest figure, and its trend of score and rank. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { province, set, provinces } = useIndexParams();
  const profile = useProfile(province);
  const defs = useDefinitions();
  const data = profile.data;

  const byIndex = useMemo(() => {
    if (!data) return [];
    const order: { code: string; name: string }[] = [];
    for (const s of data.series)
      for (const i of s.indices)
        if (!order.some((o) => o.code === i.indexCode)) order.push({ code: i.indexCode, name: i.indexName });
    return order.map((o) => ({
      ...o,
      series: data.series
        .map((s) => ({
          name: seriesLabel(s, t, en),
          role: s.role,
          points: s.indices.find((i) => i.indexCode === o.code)?.points ?? [],
        }))
        .filter((s) => s.points.length > 0),
    }));
  }, [data, t, en]);

  const others = data?.series.filter((s) => s.role !== "self") ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Space wrap>
          <ProvinceSelect value={province} onChange={(code) => set({ province: code })} />
          {province && provinces.data?.mine === province ? (
            <Typography.Text type="secondary">{t("indices.province.mine")}</Typography.Text>
          ) : null}
        </Space>
        <ExportButton
          href={province ? profileXlsxUrl(province) : ""}
          disabled={!data}
          testId="profile-export"
        />
      </Flex>
      <QueryErrorAlert error={provinces.error ?? profile.error} onRetry={() => profile.refetch()} />
      {others.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={
            others[0]?.role === "predecessor"
              ? t("indices.profile.mergedNotice", {
                  name: data?.province.name,
                  list: others.map((s) => s.provinceName).join(", "),
                })
              : t("indices.profile.successorNotice", { name: others[0]?.provinceName })
          }
        />
      ) : null}
      {profile.isLoading ? <Skeleton active /> : null}
      {data && byIndex.length === 0 ? (
        <Card>
          <Empty description={t("indices.profile.empty")} />
        </Card>
      ) : null}
      {byIndex.map((idx) => (
        <Card
          key={idx.code}
          title={`${idx.code.replace("_", " ")} — ${idx.name}`}
          data-testid={`profile-index-${idx.code}`}
        >
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {idx.series.map((s) => (
              <Col key={s.name} xs={24} md={12} xl={8}>
                <IndexSummaryCard title={s.name} point={s.points[s.points.length - 1]} />
              </Col>
            ))}
          </Row>
          <ProfileCharts
            indexName={idx.code}
            series={idx.series}
            breaks={breaksOf(defs.data?.indices.find((d) => d.code === idx.code))}
          />
        </Card>
      ))}
      {data && byIndex.length > 0 ? (
        <Card title={t("indices.profile.tableTitle")}>
          <ProfileTable profile={data} />
        </Card>
      ) : null}
    </Space>
  );
}
