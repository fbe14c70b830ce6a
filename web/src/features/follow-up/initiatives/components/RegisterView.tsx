import { CloseOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Input, Select, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { componentLabel } from "../../../../../../core/src/words/indices";
import { ExportXlsxButton } from "../../../../components/ExportXlsxButton";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../../components/ResponsiveTable";
import { UnitSelect } from "../../../../components/UnitSelect";
import { provinceYear } from "../../../../lib/clock";
import { formatDateVi } from "../../../../lib/dates";
import { useLabels } from "../../../../lib/labels";
import { pageOf } from "../../../plans/useUrlParams";
import { INITIATIVES_XLSX_PATH, type InitiativeSummary } from "../initiatives.api";
import { type InitiativeUrl, yearChoices, yearOf } from "../initiatives.params";
import { useInitiatives } from "../initiatives.queries";
import { INITIATIVE_STATE_COLORS, useInitiativeLabels } from "../labels";
import { InitiativeForm } from "./InitiativeForm";

/**
 * The register: a page at a time from the server, filtered by year, state, unit and words, and by the
 * index component an initiative aims at when a link carries it (the coverage view's).
 */
export function RegisterView({ url }: { url: InitiativeUrl }) {
  const { t, i18n } = useTranslation();
  const labels = useInitiativeLabels();
  const unitLabels = useLabels();
  const { params, set } = url;
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 50;
  const year = yearOf(params.year);
  const [text, setText] = useState(params.q ?? "");
  useEffect(() => setText(params.q ?? ""), [params.q]);
  const [creating, setCreating] = useState(false);
  const component =
    params.versionCode && params.componentCode
      ? { versionCode: params.versionCode, componentCode: params.componentCode }
      : null;
  const filters = { year, state: params.state, unitId: params.unitId, q: params.q, ...component };
  const list = useInitiatives({ ...filters, page, pageSize });
  const rows = list.data?.initiatives ?? [];
  const open = (id: string) => set({ initiative: id }, false);

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 150 }}
          value={params.year === "all" ? "all" : String(year)}
          onChange={(v) => set({ year: v === String(provinceYear()) ? null : v })}
          options={[
            { value: "all", label: t("followUp.initiatives.filters.allYears") },
            ...yearChoices().map((y) => ({
              value: String(y),
              label: `${t("followUp.initiatives.fields.year")} ${y}`,
            })),
          ]}
          aria-label={t("followUp.initiatives.fields.year")}
          data-testid="initiatives-year"
        />
        <Select
          allowClear
          style={{ width: 200, maxWidth: "100%" }}
          placeholder={t("followUp.initiatives.filters.allStates")}
          value={params.state}
          options={labels.stateOptions}
          onChange={(v) => set({ state: v })}
          aria-label={t("followUp.initiatives.fields.state")}
          data-testid="initiatives-state"
        />
        <div style={{ width: 260, maxWidth: "100%" }}>
          <UnitSelect
            value={params.unitId ?? null}
            onChange={(v) => set({ unitId: v })}
            placeholder={t("followUp.initiatives.filters.allUnits")}
            aria-label={t("followUp.initiatives.fields.unit")}
            data-testid="initiatives-unit"
          />
        </div>
        <Input.Search
          allowClear
          style={{ width: 300, maxWidth: "100%" }}
          placeholder={t("followUp.initiatives.filters.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || null })}
          aria-label={t("followUp.initiatives.filters.search")}
          data-testid="initiatives-search"
        />
        <Space wrap style={{ marginInlineStart: "auto" }}>
          {list.data?.can.register ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="initiative-register"
            >
              {t("followUp.initiatives.actions.register")}
            </Button>
          ) : null}
          <ExportXlsxButton
            path={INITIATIVES_XLSX_PATH}
            // The council's list is a year's: "every year" exports the current one.
            query={{ ...filters, year: year ?? provinceYear() }}
            testId="initiatives-export"
          />
        </Space>
      </Flex>
      {component ? (
        <Tag
          closable
          closeIcon={<CloseOutlined />}
          onClose={() => set({ versionCode: null, componentCode: null })}
          style={{ marginBottom: 12 }}
          data-testid="initiatives-component-filter"
        >
          {t("followUp.initiatives.filters.component", { name: componentLabel(component, i18n.language) })}
        </Tag>
      ) : null}
      <QueryErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <ResponsiveTable<InitiativeSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={rows}
        data-testid="initiatives-table"
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) =>
            list.data?.totalExact === false
              ? t("followUp.initiatives.list.totalMore", { count: n })
              : t("common.total", { count: n }),
          onChange: (p, size) => set({ page: p, pageSize: size }, false),
        }}
        locale={{ emptyText: <Empty description={t("followUp.initiatives.list.empty")} /> }}
        columns={[
          {
            title: t("followUp.initiatives.fields.title"),
            key: "title",
            render: (_, r) => (
              <Typography.Link onClick={() => open(r.id)} data-testid="initiative-open">
                {r.title}
              </Typography.Link>
            ),
          },
          {
            title: t("followUp.initiatives.fields.unit"),
            key: "unit",
            render: (_, r) => (
              <span>
                {r.unitName}{" "}
                <Typography.Text type="secondary">({unitLabels.unitKind(r.unitKind)})</Typography.Text>
              </span>
            ),
          },
          { title: t("followUp.initiatives.fields.year"), dataIndex: "year", width: 80 },
          {
            title: t("followUp.initiatives.fields.component"),
            key: "component",
            render: (_, r) => labels.component(r) || null,
          },
          {
            title: t("followUp.initiatives.fields.state"),
            key: "state",
            render: (_, r) => (
              <Tag color={INITIATIVE_STATE_COLORS[r.state]} data-testid="initiative-state">
                {labels.state(r.state)}
              </Tag>
            ),
          },
          {
            title: t("followUp.initiatives.fields.decidedOn"),
            dataIndex: "decidedOn",
            render: (d: string | null) => (d ? formatDateVi(d) : null),
          },
          {
            title: t("followUp.initiatives.fields.replicationCount"),
            dataIndex: "replicationCount",
            render: (n: number) => (n ? n : null),
          },
          {
            title: t("common.actions"),
            key: "open",
            render: (_, r) => (
              <Typography.Link onClick={() => open(r.id)}>
                {t("followUp.initiatives.list.open")}
              </Typography.Link>
            ),
          },
        ]}
      />
      {creating ? (
        <InitiativeForm
          mode="create"
          defaultYear={year ?? provinceYear()}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            open(id);
          }}
        />
      ) : null}
    </>
  );
}
