import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AGGREGATIONS, COMPONENT_UNITS, POLARITIES } from "../../../../../core/src/api/indices.schemas";
import { SUBJECT_KINDS } from "../../../../../core/src/indices/custom/ddci";
import { weightProblems } from "../../../../../core/src/indices/custom/weights";
import { versionName } from "../../../../../core/src/words/indices";
import { useFormat } from "../format";
import type { IndexComponent, IndexVersion, VersionInput, VersionWrite } from "../indices.api";
import { useSaveDraft, useUpdateVersion } from "../indices.queries";

/**
 * A province's own index: the version is a draft (`create`: a new one for `indexCode`); components
 * are named, never coded, by the person (codes are made here), and the weight rule of core is shown
 * while typing, the server checking it again.
 */
export type CustomEditing = { indexCode: string; subjectsAreUnits: boolean; create: boolean };

type Props = {
  version: IndexVersion | null;
  onClose: () => void;
  onSaved: (code: string) => void;
  custom?: CustomEditing;
};

/** A code no component of the version has yet: "C1", "C2"… */
const freshCode = (taken: IndexComponent[]) => {
  for (let n = taken.length + 1; ; n++) if (!taken.some((c) => c.code === `C${n}`)) return `C${n}`;
};

/**
 * Edits a version's content. National methods (administrators): the server makes a new revision when
 * the version already has results. A province's own index: a draft is saved as it is.
 */
export function VersionEditor({ version, onClose, onSaved, custom }: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { modal } = App.useApp();
  const [head] = Form.useForm();
  const [compForm] = Form.useForm<IndexComponent>();
  const [components, setComponents] = useState<IndexComponent[]>([]);
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const national = useUpdateVersion();
  const draft = useSaveDraft();
  const save = custom ? draft : national;
  const totalAggregation = Form.useWatch("aggregation", head);
  const problems = custom
    ? weightProblems({
        totalAggregation: totalAggregation ?? "weightedMean",
        subjectsAreUnits: custom.subjectsAreUnits,
        components,
      })
    : [];
  const nameOf = (code: string | null) => components.find((c) => c.code === code)?.nameVi ?? "–";

  // biome-ignore lint/correctness/useExhaustiveDependencies: load when the version changes
  useEffect(() => {
    if (!version) return;
    national.reset();
    draft.reset();
    setComponents(version.components);
    head.setFieldsValue({
      validFromYear: version.validFromYear,
      validToYear: version.validToYear,
      scaleMax: version.scaleMax,
      aggregation: version.totalRule.aggregation,
      multiplier: version.totalRule.multiplier,
      description: version.totalRule.description,
    });
  }, [version]);

  const unitOptions = COMPONENT_UNITS.map((u) => ({ value: u, label: t(`indices.units.${u}`) }));
  const polarityOptions = POLARITIES.map((p) => ({ value: p, label: t(`indices.polarity.${p}`) }));
  const aggOptions = AGGREGATIONS.map((a) => ({ value: a, label: t(`indices.aggregations.${a}`) }));
  const subjectOptions = SUBJECT_KINDS.map((k) => ({
    value: k,
    label: t(`indices.custom.subjectKinds.${k}`),
  }));

  const openComponent = (index: number | null) => {
    compForm.resetFields();
    if (index !== null) compForm.setFieldsValue(components[index] as IndexComponent);
    else
      compForm.setFieldsValue({
        unit: "points",
        polarity: "higherIsBetter",
        min: 0,
        parentCode: null,
        ...(custom ? { code: freshCode(components), max: 10 } : {}),
      } as IndexComponent);
    setEditing({ index });
  };
  const saveComponent = async () => {
    const v = await compForm.validateFields();
    const at = editing?.index ?? null;
    const clash = components.some((c, i) => c.code === v.code && i !== at);
    if (clash) {
      compForm.setFields([{ name: "code", errors: [t("indices.defs.codeTaken")] }]);
      return;
    }
    const defaults: Partial<IndexComponent> = {
      aliases: [],
      number: "",
      nameEn: "",
      weight: null,
      aggregation: null,
      subjectKind: null,
    };
    const next = { ...defaults, ...(at !== null ? components[at] : {}), ...v } as IndexComponent;
    setComponents((list) => (at === null ? [...list, next] : list.map((c, i) => (i === at ? next : c))));
    setEditing(null);
  };

  const submit = async () => {
    if (!version) return;
    const h = await head.validateFields();
    const input: VersionInput = {
      validFromYear: h.validFromYear,
      validToYear: h.validToYear ?? null,
      scaleMax: h.scaleMax,
      totalRule: {
        aggregation: h.aggregation,
        multiplier: h.multiplier ?? 1,
        description: h.description ?? "",
      },
      components: components.map((c) => ({
        code: c.code,
        parentCode: c.parentCode || null,
        number: c.number ?? "",
        nameVi: c.nameVi,
        nameEn: c.nameEn ?? "",
        unit: c.unit,
        min: c.min,
        max: c.max,
        polarity: c.polarity,
        weight: c.weight ?? null,
        aggregation: c.aggregation ?? null,
        aliases: c.aliases ?? [],
        subjectKind: c.parentCode ? null : (c.subjectKind ?? null),
      })),
    };
    const done = (r: VersionWrite) => {
      const name = versionName(r.version.code, i18n.language);
      modal.success(
        custom
          ? {
              title: custom.create ? t("indices.custom.createdTitle") : t("indices.custom.savedTitle"),
              content: t("indices.custom.savedText", { version: name }),
            }
          : {
              title: r.created ? t("indices.defs.createdTitle") : t("indices.defs.savedTitle"),
              content: r.created
                ? t("indices.defs.createdText", { old: version.code, code: r.version.code })
                : t("indices.defs.savedText", { code: r.version.code }),
            },
      );
      onSaved(r.version.code);
    };
    if (custom)
      draft.mutate(custom.create ? { index: custom.indexCode, input } : { code: version.code, input }, {
        onSuccess: done,
      });
    else national.mutate({ code: version.code, input }, { onSuccess: done });
  };

  return (
    <Drawer
      open={!!version}
      onClose={onClose}
      size="large"
      width={1000}
      title={
        custom
          ? custom.create
            ? t("indices.custom.createTitle")
            : t("indices.custom.editTitle", {
                version: version ? versionName(version.code, i18n.language) : "",
              })
          : t("indices.defs.editTitle", { code: version?.code })
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="version-save">
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {version?.hasResults ? (
        <Alert
          type="warning"
          showIcon
          title={t("indices.defs.hasResultsNotice")}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {save.error ? (
        <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="weight-problems"
          title={t("indices.custom.weightRule")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={head} layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item
          name="validFromYear"
          label={t("indices.defs.validFrom")}
          rules={[{ required: true, type: "integer", min: 2000, max: 2100 }]}
        >
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item
          name="validToYear"
          label={t("indices.defs.validTo")}
          rules={[{ type: "integer", min: 2000, max: 2100 }]}
        >
          <InputNumber precision={0} placeholder={t("indices.defs.open")} />
        </Form.Item>
        <Form.Item
          name="scaleMax"
          label={t("indices.defs.scaleMax")}
          rules={[{ required: true, type: "number", min: 0.0001 }]}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item name="aggregation" label={t("indices.defs.totalRule")} rules={[{ required: true }]}>
          <Select options={aggOptions} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="multiplier"
          label={t("indices.defs.multiplier")}
          rules={[{ type: "number", min: 0.0001 }]}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item name="description" label={t("indices.defs.description")} style={{ width: "100%" }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("indices.defs.components", { count: components.length })}
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => openComponent(null)}>
          {t("indices.defs.addComponent")}
        </Button>
      </Flex>
      <Table<IndexComponent & { i: number }>
        size="small"
        rowKey="code"
        dataSource={components.map((c, i) => ({ ...c, i }))}
        pagination={{ defaultPageSize: 20 }}
        scroll={{ x: "max-content" }}
        columns={[
          ...(custom
            ? [
                {
                  title: t("indices.custom.placement"),
                  key: "parent",
                  width: 180,
                  render: (_: unknown, c: IndexComponent) =>
                    c.parentCode
                      ? nameOf(c.parentCode)
                      : custom.subjectsAreUnits && c.subjectKind
                        ? t(`indices.custom.subjectKinds.${c.subjectKind}`)
                        : "–",
                },
              ]
            : [
                { title: t("indices.defs.code"), dataIndex: "code", key: "code", width: 160 },
                {
                  title: t("indices.defs.parent"),
                  dataIndex: "parentCode",
                  key: "parent",
                  width: 120,
                  render: (v: string | null) => v ?? "–",
                },
              ]),
          { title: t("indices.defs.nameVi"), dataIndex: "nameVi", key: "nameVi" },
          {
            title: t("indices.defs.polarity"),
            key: "polarity",
            width: 130,
            render: (_, c) => t(`indices.polarity.${c.polarity}`),
          },
          {
            title: t("indices.defs.unit"),
            key: "unit",
            width: 90,
            render: (_, c) => t(`indices.units.${c.unit}`),
          },
          {
            title: t("indices.defs.range"),
            key: "range",
            width: 80,
            render: (_, c) => `${f.num(c.min)}–${f.num(c.max)}`,
          },
          { title: t("indices.weight"), key: "weight", width: 70, render: (_, c) => f.num(c.weight) },
          {
            title: t("common.actions"),
            key: "actions",
            width: 90,
            render: (_, c) => (
              <Space>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t("common.edit")}
                  onClick={() => openComponent(c.i)}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("common.delete")}
                  onClick={() => setComponents((list) => list.filter((_, i) => i !== c.i))}
                />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.index === null ? t("indices.defs.addComponent") : t("indices.defs.editComponent")}
        onCancel={() => setEditing(null)}
        onOk={saveComponent}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        width={640}
        destroyOnHidden
      >
        <Form form={compForm} layout="vertical">
          <Flex gap={12} wrap>
            <Form.Item
              name="code"
              label={t("indices.defs.code")}
              hidden={!!custom}
              style={{ flex: 1 }}
              rules={[
                { required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t("indices.defs.codeInvalid") },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="number" label={t("indices.defs.number")} style={{ width: 100 }}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="parentCode" label={t("indices.defs.parent")} style={{ flex: 1 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 200 }}
                options={components
                  .filter((c) => c.code !== components[editing?.index ?? -1]?.code)
                  .map((c) => ({ value: c.code, label: custom ? c.nameVi : c.code }))}
              />
            </Form.Item>
            {custom?.subjectsAreUnits ? (
              <Form.Item noStyle dependencies={["parentCode"]}>
                {({ getFieldValue }) =>
                  getFieldValue("parentCode") ? null : (
                    <Form.Item
                      name="subjectKind"
                      label={t("indices.custom.subjectKind")}
                      rules={[{ required: true, message: t("indices.custom.subjectKindRequired") }]}
                    >
                      <Select options={subjectOptions} style={{ width: 180 }} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            ) : null}
          </Flex>
          <Form.Item
            name="nameVi"
            label={t("indices.defs.nameVi")}
            rules={[
              { required: true, whitespace: true, message: t("indices.defs.nameRequired") },
              { max: 500 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t("indices.defs.nameEn")} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="unit" label={t("indices.defs.unit")} rules={[{ required: true }]}>
              <Select options={unitOptions} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="min" label={t("indices.defs.min")} rules={[{ required: true, type: "number" }]}>
              <InputNumber />
            </Form.Item>
            <Form.Item
              name="max"
              label={t("indices.defs.max")}
              dependencies={["min"]}
              rules={[
                { required: true, type: "number", message: t("indices.defs.maxRequired") },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v == null || v > getFieldValue("min")
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("indices.defs.maxAboveMin"))),
                }),
              ]}
            >
              <InputNumber />
            </Form.Item>
            <Form.Item name="polarity" label={t("indices.defs.polarity")} rules={[{ required: true }]}>
              <Select options={polarityOptions} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="weight"
              label={t("indices.weight")}
              rules={[{ type: "number", min: 0, max: custom ? 100 : undefined }]}
            >
              <InputNumber />
            </Form.Item>
            <Form.Item name="aggregation" label={t("indices.defs.aggregation")}>
              <Select allowClear options={aggOptions} style={{ width: 160 }} />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>
    </Drawer>
  );
}
