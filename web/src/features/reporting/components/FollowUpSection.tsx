import { Card, Space, Typography, theme } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  FOLLOW_UP_FIGURES,
  FOLLOW_UP_KIND_LABELS_VI,
  FOLLOW_UP_KINDS,
  type FollowUpFigure,
  type FollowUpKind,
} from "../../../../../core/src/follow-up/items";
import { ADMIN_LEVEL_LABELS_VI, type AdminLevel } from "../../../../../core/src/reporting/levels";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { formatDateTimeVi } from "../../../lib/dates";
import { usePlanLabels } from "../../plans/labels";
import type { FollowUpDashboard, FollowUpUnits } from "../reporting.api";
import { useFollowUpDashboard, useFollowUpUnits } from "../reporting.queries";

type Counts = FollowUpDashboard["totals"]["remediation"];
type Row = Record<FollowUpKind, Counts> & {
  key: string;
  label: string;
  unitId: string | null;
  link: boolean;
  /** A unit's level, shown under its name. */
  level?: AdminLevel;
};

/** The items list filtered as a figure counts: kind, class (or closed), the unit and the units under it. */
const itemsLink = (kind: FollowUpKind, figure: FollowUpFigure, unitId: string | null) => {
  const q = new URLSearchParams({ kind });
  if (figure === "closed") q.set("state", "closed");
  else q.set("status", figure);
  if (unitId) q.set("unitId", unitId);
  return `/follow-up?${q}`;
};

function useFollowUpLabels() {
  const { t, i18n } = useTranslation();
  const plan = usePlanLabels();
  const vi = !i18n.language?.startsWith("en");
  return {
    kind: (k: FollowUpKind) =>
      vi ? FOLLOW_UP_KIND_LABELS_VI[k] : t(`reporting.dashboard.followUp.kinds.${k}`),
    figure: (f: FollowUpFigure) =>
      f === "unfinished" || f === "closed"
        ? t(`reporting.dashboard.followUp.figures.${f}`)
        : plan.taskStatus(f),
    level: (l: AdminLevel) => (vi ? ADMIN_LEVEL_LABELS_VI[l] : t(`reporting.levels.${l}`)),
  };
}

/** One kind's five figures, each a link to the list it counts (where that list can be cut alike). */
function Figures({
  kind,
  counts,
  unitId,
  link,
}: {
  kind: FollowUpKind;
  counts: Counts;
  unitId: string | null;
  link: boolean;
}) {
  const labels = useFollowUpLabels();
  const { token } = theme.useToken();
  return (
    <Space size={[12, 0]} wrap>
      {FOLLOW_UP_FIGURES.map((f) => {
        const n = counts[f];
        const text = (
          <>
            <span style={{ color: token.colorTextSecondary }}>{labels.figure(f)}: </span>
            <strong style={f === "overdue" && n > 0 ? { color: token.colorError } : undefined}>{n}</strong>
          </>
        );
        // The whole "label: figure" is the link: a wider target to tap on a phone.
        return link ? (
          <Link
            key={f}
            to={itemsLink(kind, f, unitId)}
            style={{ whiteSpace: "nowrap" }}
            data-testid={`follow-up-${kind}-${f}`}
          >
            {text}
          </Link>
        ) : (
          <span key={f} style={{ whiteSpace: "nowrap" }}>
            {text}
          </span>
        );
      })}
    </Space>
  );
}

const kindColumns = (labels: ReturnType<typeof useFollowUpLabels>) =>
  FOLLOW_UP_KINDS.map((kind) => ({
    title: labels.kind(kind),
    key: kind,
    render: (_: unknown, r: Row) => <Figures kind={kind} counts={r[kind]} unitId={r.unitId} link={r.link} />,
  }));

/**
 * "Theo dõi sau kiểm tra, kiến nghị, sáng kiến": remediation after inspection and recommendations by
 * class in all (each figure a link to the items list cut alike), per level, per unit (a page at a
 * time, most overdue first), and the units without an initiative this year (a link to the coverage
 * view of the units short). Not tied to a report period: shown whatever period is chosen.
 */
export function FollowUpSection() {
  const { t } = useTranslation();
  const labels = useFollowUpLabels();
  const summary = useFollowUpDashboard();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const units = useFollowUpUnits(paging);
  const d = summary.data;
  const scopeUnitId = d?.scopeUnitId ?? null;
  const groups: Row[] = d
    ? [
        {
          key: "total",
          label: t("reporting.dashboard.followUp.total"),
          ...d.totals,
          unitId: scopeUnitId,
          link: true,
        },
        // The items list cannot be cut by level: the level's figures are read, not followed.
        ...d.byLevel.map(({ level, ...l }) => ({
          key: level,
          label: labels.level(level),
          ...l,
          unitId: null,
          link: false,
        })),
      ]
    : [];
  const unitRows: Row[] = (units.data?.items ?? []).map((u: FollowUpUnits["items"][number]) => ({
    ...u,
    key: u.unitId,
    label: u.unitName,
    link: true,
  }));
  const coverage = d
    ? `/follow-up/initiatives?${new URLSearchParams({
        view: "coverage",
        year: String(d.initiatives.year),
        onlyShort: "true",
        ...(scopeUnitId ? { unitId: scopeUnitId } : {}),
      })}`
    : "";

  return (
    <Card size="small" title={t("reporting.dashboard.followUp.title")} data-testid="dashboard-follow-up">
      <QueryErrorAlert error={summary.error} onRetry={() => summary.refetch()} />
      {d ? (
        <Space direction="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            {`${t("reporting.dashboard.followUp.help")} ${t("reporting.dashboard.followUp.computedAt", { at: formatDateTimeVi(d.computedAt) })}`}
          </Typography.Text>
          <ResponsiveTable<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={groups}
            scroll={{ x: 900 }}
            data-testid="follow-up-levels"
            columns={[
              { title: t("reporting.dashboard.followUp.group"), dataIndex: "label", width: 160 },
              ...kindColumns(labels),
            ]}
          />
          {FOLLOW_UP_KINDS.filter((k) => d.unassigned[k] > 0).map((k) => (
            <Link
              key={k}
              to={`/follow-up?kind=${k}&state=received`}
              data-testid={`follow-up-unassigned-${k}`}
            >
              {t("reporting.dashboard.followUp.unassigned", { kind: labels.kind(k), count: d.unassigned[k] })}
            </Link>
          ))}
          <Space wrap size={[8, 0]} data-testid="follow-up-initiatives">
            <Typography.Text>
              {t("reporting.dashboard.followUp.initiatives", {
                year: d.initiatives.year,
                none: d.initiatives.unitsWithNone,
                units: d.initiatives.units,
              })}
            </Typography.Text>
            <Link to={coverage} data-testid="follow-up-initiatives-link">
              {t("reporting.dashboard.followUp.initiativesShort", { count: d.initiatives.unitsShort })}
            </Link>
          </Space>
          <Typography.Text strong>{t("reporting.dashboard.followUp.byUnit")}</Typography.Text>
          <QueryErrorAlert error={units.error} onRetry={() => units.refetch()} />
          <ResponsiveTable<Row>
            size="small"
            rowKey="key"
            loading={units.isFetching}
            dataSource={unitRows}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("reporting.dashboard.followUp.noItems") }}
            data-testid="follow-up-units"
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: units.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              {
                title: t("reporting.fields.unit"),
                key: "unit",
                width: 200,
                render: (_, r) => (
                  <span>
                    {r.label}
                    <br />
                    <Typography.Text type="secondary">
                      {r.level ? labels.level(r.level) : null}
                    </Typography.Text>
                  </span>
                ),
              },
              ...kindColumns(labels),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
