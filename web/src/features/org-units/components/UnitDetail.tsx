import { ApartmentOutlined, BranchesOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageLoading } from "../../../components/PageLoading";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import type { OrgUnit } from "../org-units.api";
import { useOrgUnit } from "../org-units.queries";
import { UnitEventDialog } from "./UnitEventDialog";
import { UnitEventsList } from "./UnitEventsList";
import { UnitFormDialog } from "./UnitFormDialog";

type Props = { id: string; onSelect: (id: string) => void };
type Dialog = "edit" | "child" | "event" | null;

export function UnitDetail({ id, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const detail = useOrgUnit(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <QueryErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;

  const { orgUnit: unit, ancestors, children, events, groups, can } = detail.data;
  const validity = `${unit.validFrom ? formatDateVi(unit.validFrom) : t("directory.validUnknown")} – ${
    unit.validTo ? formatDateVi(unit.validTo) : t("directory.validNow")
  }`;

  const childColumns: TableColumnsType<OrgUnit> = [
    {
      title: t("directory.name"),
      dataIndex: "name",
      render: (name: string, row) => (
        <Typography.Link onClick={() => onSelect(row.id)}>
          {name} {row.active ? null : <Tag>{t("directory.historicalTag")}</Tag>}
        </Typography.Link>
      ),
    },
    { title: t("directory.kind"), dataIndex: "kind", width: 220, render: (k: string) => labels.unitKind(k) },
    {
      title: t("directory.shortName"),
      dataIndex: "shortName",
      width: 160,
      render: (s: string | null) => s ?? "—",
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="unit-detail">
      <Card
        title={
          <Space orientation="vertical" size={0}>
            <Breadcrumb
              items={ancestors.map((a) => ({
                key: a.id,
                title: (
                  <Typography.Link onClick={() => onSelect(a.id)} style={{ fontSize: 12 }}>
                    {a.name}
                  </Typography.Link>
                ),
              }))}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-detail-name">
              {unit.name} {unit.active ? null : <Tag color="default">{t("directory.historicalTag")}</Tag>}
            </Typography.Title>
          </Space>
        }
        extra={
          <Space wrap>
            {can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog("edit")} data-testid="unit-edit">
                {t("directory.edit")}
              </Button>
            ) : null}
            {can.createChild ? (
              <Button icon={<PlusOutlined />} onClick={() => setDialog("child")} data-testid="unit-add-child">
                {t("directory.addChild")}
              </Button>
            ) : null}
            {can.merge ? (
              <Button
                icon={<BranchesOutlined />}
                onClick={() => setDialog("event")}
                data-testid="unit-record-event"
              >
                {t("directory.recordEvent")}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, lg: 2 }} size="small" bordered>
          <Descriptions.Item label={t("directory.kind")}>{labels.unitKind(unit.kind)}</Descriptions.Item>
          <Descriptions.Item label={t("directory.shortName")}>{unit.shortName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("directory.code")}>{unit.code ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("directory.validity")}>{validity}</Descriptions.Item>
          <Descriptions.Item label={t("directory.aliases")} span={2}>
            {unit.aliases.length ? (
              <Space wrap size={[4, 4]}>
                {unit.aliases.map((a) => (
                  <Tag key={a}>{a}</Tag>
                ))}
              </Space>
            ) : (
              "—"
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("directory.groups")} span={2}>
            {groups.length ? (
              <Space wrap size={[4, 4]}>
                {groups.map((g) => (
                  <Tag key={g.id} color="geekblue">
                    {g.name}
                  </Tag>
                ))}
              </Space>
            ) : (
              t("directory.noGroups")
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={
          <Space>
            <ApartmentOutlined />
            {t("directory.children", { count: children.length })}
          </Space>
        }
        size="small"
      >
        <Table<OrgUnit>
          rowKey="id"
          size="small"
          columns={childColumns}
          dataSource={children}
          pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("directory.noChildren")} />,
          }}
        />
      </Card>

      <Card title={t("directory.history")} size="small">
        <UnitEventsList events={events} currentId={unit.id} onSelect={onSelect} />
      </Card>

      {dialog === "edit" ? <UnitFormDialog mode="edit" unit={unit} onClose={() => setDialog(null)} /> : null}
      {dialog === "child" ? (
        <UnitFormDialog mode="create" parent={unit} onClose={() => setDialog(null)} onCreated={onSelect} />
      ) : null}
      {dialog === "event" ? <UnitEventDialog unit={unit} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
