import { Alert, App, Button, Form, Grid, Input, InputNumber, Select, Space } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { indexAbbreviation, versionName } from "../../../../../../core/src/words/indices";
import { Drawer } from "../../../../components/lazy-antd";
import { UnitSelect } from "../../../../components/UnitSelect";
import { provinceYear } from "../../../../lib/clock";
import { useMe } from "../../../auth/auth.queries";
import { useCurrentVersions } from "../../../plans/components/ComponentSelect";
import type { InitiativeDetail } from "../initiatives.api";
import { useCreateInitiative, useUpdateInitiative } from "../initiatives.queries";

type Values = {
  unitId: string | null;
  year: number;
  title: string;
  problem: string;
  solution: string;
  field: string;
  component: string | null;
  expectedResult: string;
  actualResult: string;
};

const TEXT_FIELDS = ["title", "problem", "solution", "field", "expectedResult", "actualResult"] as const;

/**
 * Registering an initiative, changing it while only proposed, or (mode "result") filling the result
 * achieved once it is decided. An officer or head registers for her own unit; a coordinator chooses.
 */
export function InitiativeForm({
  mode,
  initiative,
  defaultYear,
  onClose,
  onSaved,
}: {
  mode: "create" | "edit" | "result";
  initiative?: InitiativeDetail;
  defaultYear?: number;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const { versions, loading } = useCurrentVersions();
  const [form] = Form.useForm<Values>();
  const choosesUnit = me?.user.roles.some((r) => r === "coordinator" || r === "admin") ?? false;
  const resultOnly = mode === "result";

  const componentOptions = useMemo(
    () =>
      versions.map((v) => ({
        label: versionName(v.code, i18n.language),
        options: v.components.map((c) => ({
          value: `${v.code}|${c.code}`,
          label: `${indexAbbreviation(v.indexCode, i18n.language)} ${c.number} ${
            i18n.language === "en" && c.nameEn ? c.nameEn : c.nameVi
          }`.replace(/\s+/g, " "),
        })),
      })),
    [versions, i18n.language],
  );
  // The component aimed at, when it is not among the current versions' (an older version's).
  const knownComponent =
    initiative?.versionCode && initiative.componentCode
      ? {
          value: `${initiative.versionCode}|${initiative.componentCode}`,
          label: initiative.componentName ?? "",
        }
      : null;

  const initial: Values = initiative
    ? {
        unitId: initiative.unitId,
        year: initiative.year,
        title: initiative.title,
        problem: initiative.problem,
        solution: initiative.solution,
        field: initiative.field,
        component: knownComponent?.value ?? null,
        expectedResult: initiative.expectedResult,
        actualResult: initiative.actualResult,
      }
    : {
        unitId: me?.unit.id ?? null,
        year: defaultYear ?? provinceYear(),
        title: "",
        problem: "",
        solution: "",
        field: "",
        component: null,
        expectedResult: "",
        actualResult: "",
      };

  const submit = (v: Values) => {
    const [versionCode, componentCode] = v.component ? v.component.split("|") : [null, null];
    const done = (id: string, words: string) => {
      message.success(words);
      onSaved(id);
    };
    const fail = (e: Error) => message.error(e.message);
    if (mode === "create")
      return create.mutate(
        {
          unitId: v.unitId ?? "",
          year: v.year,
          ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k] ?? ""])),
          title: v.title,
          versionCode: versionCode ?? null,
          componentCode: componentCode ?? null,
        },
        { onSuccess: (i) => done(i.id, t("followUp.initiatives.form.registered")), onError: fail },
      );
    if (!initiative) return;
    const patch = resultOnly
      ? { actualResult: v.actualResult ?? "" }
      : {
          ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k] ?? ""])),
          versionCode: versionCode ?? null,
          componentCode: componentCode ?? null,
        };
    update.mutate(
      { id: initiative.id, version: initiative.version, ...patch },
      { onSuccess: (i) => done(i.id, t("followUp.initiatives.form.saved")), onError: fail },
    );
  };

  const title =
    mode === "create"
      ? t("followUp.initiatives.form.createTitle")
      : resultOnly
        ? t("followUp.initiatives.form.resultTitle")
        : t("followUp.initiatives.form.editTitle");
  const text = (rows: number) => (
    <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={5000} />
  );

  return (
    <Drawer
      open
      title={title}
      size={phone ? "100%" : 640}
      onClose={onClose}
      destroyOnHidden
      data-testid="initiative-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="initiative-save"
          >
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {resultOnly ? (
        <Alert
          type="info"
          showIcon
          title={t("followUp.initiatives.form.resultOnly")}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={false}>
        <Form.Item
          name="unitId"
          label={t("followUp.initiatives.fields.unit")}
          rules={[{ required: true, message: t("followUp.initiatives.form.unitRequired") }]}
        >
          <UnitSelect
            disabled={mode !== "create" || !choosesUnit}
            knownLabels={
              initiative
                ? { [initiative.unitId]: initiative.unitName }
                : me
                  ? { [me.unit.id]: me.unit.name }
                  : undefined
            }
            aria-label={t("followUp.initiatives.fields.unit")}
            data-testid="initiative-unit"
          />
        </Form.Item>
        <Form.Item name="year" label={t("followUp.initiatives.fields.year")} rules={[{ required: true }]}>
          <InputNumber
            min={2000}
            max={provinceYear() + 1}
            disabled={mode !== "create"}
            style={{ width: 120 }}
            data-testid="initiative-year"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("followUp.initiatives.fields.title")}
          rules={[
            { required: true, whitespace: true, message: t("followUp.initiatives.form.titleRequired") },
          ]}
        >
          <Input maxLength={500} disabled={resultOnly} data-testid="initiative-title" />
        </Form.Item>
        {resultOnly ? null : (
          <>
            <Form.Item name="problem" label={t("followUp.initiatives.fields.problem")}>
              {text(2)}
            </Form.Item>
            <Form.Item name="solution" label={t("followUp.initiatives.fields.solution")}>
              {text(3)}
            </Form.Item>
            <Form.Item name="field" label={t("followUp.initiatives.fields.field")}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="component" label={t("followUp.initiatives.fields.component")}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                loading={loading}
                placeholder={t("followUp.initiatives.form.componentPlaceholder")}
                options={
                  knownComponent && !versions.some((v) => knownComponent.value.startsWith(`${v.code}|`))
                    ? [knownComponent, ...componentOptions]
                    : componentOptions
                }
                aria-label={t("followUp.initiatives.fields.component")}
                data-testid="initiative-component"
              />
            </Form.Item>
            <Form.Item name="expectedResult" label={t("followUp.initiatives.fields.expectedResult")}>
              {text(2)}
            </Form.Item>
          </>
        )}
        <Form.Item name="actualResult" label={t("followUp.initiatives.fields.actualResult")}>
          {text(resultOnly ? 5 : 2)}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
