import { SettingOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  INITIATIVE_REQUIRED_KINDS,
  type InitiativeRequiredKind,
} from "../../../../../../core/src/follow-up/initiatives";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { provinceYear } from "../../../../lib/clock";
import { useLabels } from "../../../../lib/labels";
import { pageOf } from "../../../plans/useUrlParams";
import type { Coverage } from "../initiatives.api";
import { type InitiativeUrl, yearChoices, yearOf } from "../initiatives.params";
import { useCoverage, useSaveMinimums } from "../initiatives.queries";

type Row = Coverage["rows"][number];

/** Districts were abolished on 1/7/2025: their minimum matters only for the years before. */
const kindsOf = (year: number): InitiativeRequiredKind[] =>
  INITIATIVE_REQUIRED_KINDS.filter((k) => k !== "district" || year <= 2025);

/**
 * Every unit that must have initiatives in a year, with its count against the minimum: the units
 * short first. A coordinator sets the year's minimum per kind of unit; anyone may try another.
 */
export function CoverageView({ url }: { url: InitiativeUrl }) {
  const { t } = useTranslation();
  const unitLabels = useLabels();
  const { params, set } = url;
  const year = yearOf(params.year === "all" ? undefined : params.year) ?? provinceYear();
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 50;
  const [text, setText] = useState(params.q ?? "");
  useEffect(() => setText(params.q ?? ""), [params.q]);
  const [editing, setEditing] = useState(false);
  const minimum = params.minimum && /^\d+$/.test(params.minimum) ? Number(params.minimum) : undefined;
  const coverage = useCoverage({
    year,
    kind: params.kind,
    onlyShort: params.onlyShort === "true" ? "true" : undefined,
    minimum,
    q: params.q,
    page,
    pageSize,
  });
  const data = coverage.data;
  const minimumsLine = data
    ? kindsOf(year)
        .map((k) => `${unitLabels.unitKind(k)}: ${data.minimums[k]}`)
        .join("; ")
    : "";

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 130 }}
          value={String(year)}
          onChange={(v) => set({ year: v === String(provinceYear()) ? null : v })}
          options={yearChoices().map((y) => ({
            value: String(y),
            label: `${t("followUp.initiatives.fields.year")} ${y}`,
          }))}
          aria-label={t("followUp.initiatives.fields.year")}
          data-testid="coverage-year"
        />
        <Select
          allowClear
          style={{ width: 220, maxWidth: "100%" }}
          placeholder={t("followUp.initiatives.coverage.allKinds")}
          value={params.kind}
          onChange={(v) => set({ kind: v })}
          options={kindsOf(year).map((k) => ({ value: k, label: unitLabels.unitKind(k) }))}
          aria-label={t("followUp.initiatives.coverage.allKinds")}
          data-testid="coverage-kind"
        />
        <Input.Search
          allowClear
          style={{ width: 220, maxWidth: "100%" }}
          placeholder={t("followUp.initiatives.coverage.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || null })}
          aria-label={t("followUp.initiatives.coverage.search")}
        />
        <Space>
          <Switch
            checked={params.onlyShort === "true"}
            onChange={(v) => set({ onlyShort: v ? "true" : null })}
            aria-label={t("followUp.initiatives.coverage.onlyShort")}
            data-testid="coverage-only-short"
          />
          <span>{t("followUp.initiatives.coverage.onlyShort")}</span>
        </Space>
        <Space>
          <span>{t("followUp.initiatives.coverage.whatIf")}</span>
          <InputNumber
            min={0}
            max={50}
            value={minimum ?? null}
            onChange={(v) => set({ minimum: v === null || v === undefined ? null : String(v) })}
            style={{ width: 72 }}
            aria-label={t("followUp.initiatives.coverage.whatIf")}
            data-testid="coverage-what-if"
          />
        </Space>
      </Flex>
      <QueryErrorAlert error={coverage.error} onRetry={() => coverage.refetch()} />
      {data ? (
        <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>
              {t("followUp.initiatives.coverage.minimums", { year })}: <strong>{minimumsLine}</strong>
              {data.minimumsSet ? null : (
                <Typography.Text type="secondary">
                  {" "}
                  ({t("followUp.initiatives.coverage.minimumsDefault")})
                </Typography.Text>
              )}
            </Typography.Text>
            {data.can.setMinimum ? (
              <Button
                size="small"
                icon={<SettingOutlined />}
                onClick={() => setEditing(true)}
                data-testid="coverage-set-minimums"
              >
                {t("followUp.initiatives.coverage.editMinimums")}
              </Button>
            ) : null}
          </Flex>
          {data.minimumOverride !== null ? (
            <Alert
              type="warning"
              showIcon
              title={t("followUp.initiatives.coverage.whatIfActive", { count: data.minimumOverride })}
            />
          ) : null}
          <Typography.Text data-testid="coverage-summary">
            {t("followUp.initiatives.coverage.summary", {
              short: data.summary.unitsShort,
              units: data.summary.units,
              none: data.summary.unitsWithNone,
            })}
          </Typography.Text>
        </Space>
      ) : null}
      <ResponsiveTable<Row>
        rowKey="unitId"
        size="middle"
        loading={coverage.isFetching}
        dataSource={data?.rows ?? []}
        data-testid="coverage-table"
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t("common.total", { count: n }),
          onChange: (p, size) => set({ page: p, pageSize: size }, false),
        }}
        locale={{ emptyText: <Empty description={t("followUp.initiatives.coverage.empty")} /> }}
        columns={[
          {
            title: t("followUp.initiatives.fields.unit"),
            key: "unit",
            render: (_, r) => (
              <Tooltip title={t("followUp.initiatives.coverage.openRegister")}>
                <Typography.Link
                  onClick={() =>
                    set({ view: null, unitId: r.unitId, year: String(year), state: null, q: null })
                  }
                >
                  {r.unitName}
                </Typography.Link>
              </Tooltip>
            ),
          },
          {
            title: t("followUp.initiatives.fields.unitKind"),
            key: "kind",
            render: (_, r) => unitLabels.unitKind(r.unitKind),
          },
          { title: t("followUp.initiatives.coverage.registered"), dataIndex: "registered", align: "right" },
          {
            title: (
              <Tooltip title={t("followUp.initiatives.coverage.countedHelp")}>
                {t("followUp.initiatives.coverage.counted")}
              </Tooltip>
            ),
            dataIndex: "counted",
            align: "right",
          },
          { title: t("followUp.initiatives.coverage.recognised"), dataIndex: "recognised", align: "right" },
          { title: t("followUp.initiatives.coverage.minimum"), dataIndex: "minimum", align: "right" },
          {
            title: t("followUp.initiatives.coverage.shortfall"),
            key: "shortfall",
            render: (_, r) =>
              r.shortfall > 0 ? (
                <Tag color="red" data-testid="coverage-short">
                  {t("followUp.initiatives.coverage.lacks", { count: r.shortfall })}
                </Tag>
              ) : (
                <Tag color="green">{t("followUp.initiatives.coverage.enough")}</Tag>
              ),
          },
        ]}
      />
      {editing && data ? (
        <MinimumsDialog year={year} coverage={data} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}

type MinimumValues = Partial<Record<InitiativeRequiredKind, number | null>>;

/** The year's minimum per kind of unit; a kind left empty takes the default again. */
function MinimumsDialog({
  year,
  coverage,
  onClose,
}: {
  year: number;
  coverage: Coverage;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unitLabels = useLabels();
  const save = useSaveMinimums();
  const [form] = Form.useForm<MinimumValues>();
  const kinds = kindsOf(year);
  return (
    <Modal
      open
      title={t("followUp.initiatives.coverage.minimumsTitle", { year })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("followUp.initiatives.coverage.minimumsHelp")}
      </Typography.Paragraph>
      <Form<MinimumValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 12 }}
        initialValues={coverage.minimumsSet ? coverage.minimums : {}}
        onFinish={(v) =>
          save.mutate(
            { year, ...Object.fromEntries(kinds.map((k) => [k, v[k] ?? null])) },
            {
              onSuccess: () => {
                message.success(t("followUp.initiatives.coverage.minimumsSaved"));
                onClose();
              },
              onError: (e) => message.error(e.message, 8),
            },
          )
        }
      >
        {kinds.map((k) => (
          <Form.Item key={k} name={k} label={unitLabels.unitKind(k)}>
            <InputNumber min={0} max={50} style={{ width: 100 }} data-testid={`minimum-${k}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
