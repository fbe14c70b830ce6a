import { Table, type TableColumnsType, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format";
import type { IndexComponent, IndexVersion } from "../indices.api";

type Node = IndexComponent & { children?: Node[] };

export function buildComponentTree(components: IndexComponent[]): Node[] {
  const byCode = new Map<string, Node>(components.map((c) => [c.code, { ...c }]));
  const roots: Node[] = [];
  for (const c of components) {
    const node = byCode.get(c.code) as Node;
    const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
    if (parent) {
      parent.children = parent.children ?? [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
}

/**
 * The version's components as a read-only tree: names, unit, range, polarity, weight,
 * aggregation. `named`: a province's own index, whose codes were made by the editor and mean nothing
 * to a person; the subject (departments or communes) is shown instead.
 */
export function ComponentTree({
  components,
  named = false,
}: {
  components: IndexComponent[];
  named?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const tree = useMemo(() => buildComponentTree(components), [components]);
  const columns: TableColumnsType<Node> = [
    ...(named
      ? [
          {
            title: t("indices.custom.subjectKind"),
            key: "subject",
            width: 150,
            render: (_: unknown, c: Node) =>
              c.subjectKind ? t(`indices.custom.subjectKinds.${c.subjectKind}`) : "",
          },
        ]
      : []),
    { title: t("indices.defs.number"), dataIndex: "number", key: "number", width: 70 },
    { title: t("indices.defs.nameVi"), dataIndex: "nameVi", key: "nameVi" },
    { title: t("indices.defs.nameEn"), dataIndex: "nameEn", key: "nameEn", responsive: ["xl"] },
    { title: t("indices.defs.unit"), key: "unit", width: 90, render: (_, c) => t(`indices.units.${c.unit}`) },
    {
      title: t("indices.defs.range"),
      key: "range",
      width: 90,
      render: (_, c) => `${f.num(c.min)}–${f.num(c.max)}`,
    },
    {
      title: t("indices.defs.polarity"),
      key: "polarity",
      width: 120,
      render: (_, c) =>
        c.polarity === "lowerIsBetter" ? (
          <Tag color="orange">{t("indices.polarity.lowerIsBetter")}</Tag>
        ) : (
          <Tag color="blue">{t("indices.polarity.higherIsBetter")}</Tag>
        ),
    },
    {
      title: t("indices.weight"),
      key: "weight",
      width: 80,
      align: "right",
      render: (_, c) => f.num(c.weight),
    },
    {
      title: t("indices.defs.aggregation"),
      key: "aggregation",
      width: 130,
      render: (_, c) => (c.aggregation ? t(`indices.aggregations.${c.aggregation}`) : "–"),
    },
  ];
  return (
    <Table<Node>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={tree}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t("indices.defs.noComponents") }}
    />
  );
}

/** A version as read: how its total is made, then its tree of components. */
export function VersionContent({ version, named = false }: { version: IndexVersion; named?: boolean }) {
  return (
    <>
      {version.totalRule.description ? (
        <Typography.Paragraph type="secondary">{version.totalRule.description}</Typography.Paragraph>
      ) : null}
      <ComponentTree components={version.components} named={named} />
    </>
  );
}
