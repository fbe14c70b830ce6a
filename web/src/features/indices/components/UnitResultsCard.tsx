import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { UnitSelect } from "../../../components/UnitSelect";
import { provinceYear } from "../../../lib/clock";
import { useOrgTree } from "../../org-units/org-units.queries";
import { useFormat } from "../format";
import type { IndexDefinition, UnitResults } from "../indices.api";
import { useSaveUnitResult, useUnitResults, useVersion } from "../indices.queries";

type Row = UnitResults["results"][number];

/**
 * A DDCI's results for a year, per department or commune: the list (a page at a time, with its true
 * total) and a form to enter one unit's component values against the version published for the year.
 */
export function UnitResultsCard({ def }: { def: IndexDefinition }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const [year, setYear] = useState(provinceYear());
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [form] = Form.useForm();
  const results = useUnitResults(def.code, year, page);
  const version = useVersion(results.data?.versionCode ?? undefined);
  const tree = useOrgTree(false);
  const save = useSaveUnitResult();
  const kind = tree.data?.find((n) => n.id === unitId)?.kind;
  const scored = (version.data?.components ?? []).filter(
    (c) => c.parentCode === null && c.subjectKind === kind,
  );

  const submit = async () => {
    const v = await form.validateFields();
    if (!unitId) return;
    save.mutate(
      {
        index: def.code,
        year,
        unitId,
        input: {
          total: v.total ?? null,
          note: v.note ?? "",
          components: scored
            .filter((c) => typeof v[`c_${c.code}`] === "number")
            .map((c) => ({ code: c.code, value: v[`c_${c.code}`] as number })),
        },
      },
      {
        onSuccess: () => {
          message.success(t("indices.custom.results.saved"));
          setOpen(false);
        },
      },
    );
  };

  return (
    <Card
      title={t("indices.custom.results.title")}
      extra={
        <Flex gap={8} align="center" wrap>
          <InputNumber
            aria-label={t("indices.custom.results.year")}
            value={year}
            min={2000}
            max={2100}
            precision={0}
            onChange={(y) => {
              if (y) setYear(y);
              setPage(1);
            }}
          />
          {def.editable && results.data?.versionCode ? (
            <Button
              icon={<PlusOutlined />}
              data-testid="unit-result-add"
              onClick={() => {
                form.resetFields();
                setUnitId(null);
                save.reset();
                setOpen(true);
              }}
            >
              {t("indices.custom.results.enter")}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {results.data && !results.data.versionCode ? (
        <Typography.Paragraph type="secondary">
          {t("indices.custom.results.noVersion", { year })}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="unitId"
        loading={results.isFetching}
        dataSource={results.data?.results ?? []}
        scroll={{ x: "max-content" }}
        pagination={{
          current: page,
          pageSize: 20,
          total: results.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        locale={{ emptyText: t("indices.custom.results.empty", { year }) }}
        columns={[
          { title: t("indices.custom.results.unit"), dataIndex: "unitName", key: "unit" },
          {
            title: t("indices.custom.subjectKind"),
            key: "kind",
            render: (_, r) => t(`indices.custom.subjectKinds.${r.unitKind}`),
          },
          {
            title: t("indices.custom.results.total"),
            key: "total",
            align: "right",
            render: (_, r) => f.num(r.total),
          },
          {
            title: t("indices.custom.results.computed"),
            key: "computed",
            align: "right",
            render: (_, r) => f.num(r.computedTotal),
          },
        ]}
      />
      <Modal
        open={open}
        title={t("indices.custom.results.enterTitle", { year })}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        {save.error ? (
          <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item label={t("indices.custom.results.unit")} required>
            <UnitSelect value={unitId} onChange={setUnitId} data-testid="unit-result-unit" />
          </Form.Item>
          {unitId && kind !== "department" && kind !== "commune" ? (
            <Alert
              type="warning"
              showIcon
              title={t("indices.custom.results.kindOnly")}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {scored.map((c) => (
            <Form.Item
              key={c.code}
              name={`c_${c.code}`}
              label={c.nameVi}
              rules={[
                {
                  type: "number",
                  min: c.min,
                  max: c.max,
                  message: t("indices.custom.results.range", { min: f.num(c.min), max: f.num(c.max) }),
                },
              ]}
            >
              <InputNumber decimalSeparator="," style={{ width: 160 }} />
            </Form.Item>
          ))}
          <Form.Item name="total" label={t("indices.custom.results.total")}>
            <InputNumber decimalSeparator="," style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t("indices.custom.results.note")}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
