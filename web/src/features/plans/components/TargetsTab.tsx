import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Empty, Flex, Input, InputNumber, Select, Table } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { indexAbbreviation } from "../../../../../core/src/words/indices";
import { formatNumber } from "../../../../../core/src/words/numbers";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { useDefinitions } from "../../indices/indices.queries";
import type { PlanDetail, PlanTarget } from "../plans.api";
import { usePutTargets } from "../plans.queries";
import { useCurrentVersions } from "./ComponentSelect";

type Row = PlanTarget & { key: string };
let seq = 0;

/** Targets per index and component: baselines come from the published results, targets are typed. */
export function TargetsTab({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const defs = useDefinitions();
  const { versions } = useCurrentVersions();
  const save = usePutTargets();
  const editable = plan.can.update;
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setRows(plan.targets.map((x) => ({ ...x, key: x.id })));
    setDirty(false);
  }, [plan.targets]);

  const patch = (key: string, p: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
    setDirty(true);
  };
  const add = () => {
    const index = defs.data?.indices[0]?.code ?? "PCI";
    setRows((rs) => [
      ...rs,
      {
        key: `new-${++seq}`,
        id: "",
        indexCode: index,
        versionCode: "",
        componentCode: null,
        componentName: null,
        baselineYear: null,
        baselineValue: null,
        baselineRank: null,
        baselineRankOf: null,
        targetValue: null,
        rankFrom: null,
        rankTo: null,
        band: null,
        note: "",
      },
    ]);
    setDirty(true);
  };
  const submit = () =>
    save.mutate(
      {
        id: plan.id,
        targets: rows.map((r) => ({
          indexCode: r.indexCode,
          versionCode: r.versionCode || undefined,
          componentCode: r.componentCode,
          targetValue: r.targetValue,
          rankFrom: r.rankFrom,
          rankTo: r.rankTo,
          band: r.band || null,
          note: r.note,
        })),
      },
      { onSuccess: () => message.success(t("plans.targets.saved")) },
    );

  const componentOptions = (indexCode: string) => {
    const v = versions.find((x) => x.indexCode === indexCode);
    return [
      { value: "", label: t("plans.targets.wholeIndex") },
      ...(v?.components ?? []).map((c) => ({
        value: c.code,
        label: `${c.number} ${i18n.language === "en" && c.nameEn ? c.nameEn : c.nameVi}`,
      })),
    ];
  };
  const num = (v: number | null) => formatNumber(v, 2, i18n.language);

  return (
    <>
      {editable ? (
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={add} data-testid="target-add">
            {t("plans.targets.add")}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
            data-testid="target-save"
          >
            {t("common.save")}
          </Button>
        </Flex>
      ) : null}
      <QueryErrorAlert error={save.error} />
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("plans.targets.empty")} /> }}
        columns={[
          {
            title: t("plans.targets.index"),
            width: 120,
            render: (_, r) =>
              editable ? (
                <Select
                  size="small"
                  value={r.indexCode}
                  style={{ width: 110 }}
                  aria-label={t("plans.targets.index")}
                  options={(defs.data?.indices ?? []).map((d) => ({
                    value: d.code,
                    label: indexAbbreviation(d.code, i18n.language),
                  }))}
                  onChange={(v) => patch(r.key, { indexCode: v, componentCode: null, versionCode: "" })}
                />
              ) : (
                indexAbbreviation(r.indexCode, i18n.language)
              ),
          },
          {
            title: t("plans.targets.component"),
            width: 280,
            render: (_, r) =>
              editable ? (
                <Select
                  size="small"
                  showSearch={{ optionFilterProp: "label" }}
                  value={r.componentCode ?? ""}
                  style={{ width: 270 }}
                  aria-label={t("plans.targets.component")}
                  options={componentOptions(r.indexCode)}
                  onChange={(v) => patch(r.key, { componentCode: v || null })}
                />
              ) : (
                (r.componentName ?? t("plans.targets.wholeIndex"))
              ),
          },
          {
            title: t("plans.targets.baseline"),
            width: 160,
            render: (_, r) =>
              r.baselineYear || r.baselineValue != null
                ? `${r.baselineYear ?? ""}: ${num(r.baselineValue)}${r.baselineRank ? ` · ${t("plans.targets.rank")} ${r.baselineRank}${r.baselineRankOf ? `/${r.baselineRankOf}` : ""}` : ""}`
                : t("plans.targets.baselineAuto"),
          },
          {
            title: t("plans.targets.targetValue"),
            width: 110,
            render: (_, r) =>
              editable ? (
                <InputNumber
                  size="small"
                  value={r.targetValue}
                  onChange={(v) => patch(r.key, { targetValue: v })}
                  decimalSeparator=","
                  aria-label={t("plans.targets.targetValue")}
                />
              ) : (
                num(r.targetValue)
              ),
          },
          {
            title: t("plans.targets.rankRange"),
            width: 150,
            render: (_, r) =>
              editable ? (
                <Flex gap={4}>
                  <InputNumber
                    size="small"
                    min={1}
                    value={r.rankFrom}
                    onChange={(v) => patch(r.key, { rankFrom: v })}
                    style={{ width: 64 }}
                    aria-label={t("plans.targets.rankFrom")}
                  />
                  <InputNumber
                    size="small"
                    min={1}
                    value={r.rankTo}
                    onChange={(v) => patch(r.key, { rankTo: v })}
                    style={{ width: 64 }}
                    aria-label={t("plans.targets.rankTo")}
                  />
                </Flex>
              ) : r.rankFrom ? (
                `${r.rankFrom}${r.rankTo && r.rankTo !== r.rankFrom ? `–${r.rankTo}` : ""}`
              ) : (
                "—"
              ),
          },
          {
            title: t("plans.targets.band"),
            width: 120,
            render: (_, r) =>
              editable ? (
                <Input
                  size="small"
                  value={r.band ?? ""}
                  onChange={(e) => patch(r.key, { band: e.target.value })}
                  aria-label={t("plans.targets.band")}
                />
              ) : (
                r.band
              ),
          },
          {
            title: t("plans.targets.note"),
            render: (_, r) =>
              editable ? (
                <Input
                  size="small"
                  value={r.note}
                  onChange={(e) => patch(r.key, { note: e.target.value })}
                  aria-label={t("plans.targets.note")}
                />
              ) : (
                r.note
              ),
          },
          ...(editable
            ? [
                {
                  title: "",
                  width: 50,
                  render: (_: unknown, r: Row) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("common.delete")}
                      onClick={() => {
                        setRows((rs) => rs.filter((x) => x.key !== r.key));
                        setDirty(true);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
