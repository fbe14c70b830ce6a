import { Empty, Flex, Switch, Tag, Tree, type TreeDataNode, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { buildUnitTree, pathTo, type UnitTreeItem } from "../build-tree";
import { useOrgTree } from "../org-units.queries";

type Props = { selectedId: string | null; onSelect: (id: string) => void };

export function UnitTree({ selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [includeHistorical, setIncludeHistorical] = useState(false);
  const tree = useOrgTree(includeHistorical);
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  const data = useMemo(() => {
    const toData = (item: UnitTreeItem): TreeDataNode => ({
      key: item.key,
      title: item.node.active ? (
        item.node.name
      ) : (
        <span className="historical">
          {item.node.name}{" "}
          <Tag color="default" style={{ marginInlineStart: 4 }}>
            {t("directory.historicalTag")}
          </Tag>
        </span>
      ),
      children: item.children.length ? item.children.map(toData) : undefined,
      isLeaf: item.children.length === 0,
    });
    return buildUnitTree(tree.data ?? []).map(toData);
  }, [tree.data, t]);

  // Opens the first level on load, and the branch down to a unit chosen elsewhere (search, links).
  useEffect(() => {
    if (!tree.data?.length) return;
    setExpanded((prev) => {
      const roots = tree.data.filter((n) => !n.parentId).map((n) => n.id);
      const path = selectedId ? pathTo(tree.data, selectedId) : [];
      return Array.from(new Set([...prev, ...roots, ...path]));
    });
  }, [tree.data, selectedId]);

  return (
    <div>
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Switch
          id="show-historical"
          size="small"
          checked={includeHistorical}
          onChange={setIncludeHistorical}
          data-testid="toggle-historical"
        />
        <label htmlFor="show-historical">{t("directory.showHistorical")}</label>
      </Flex>
      <QueryErrorAlert error={tree.error} onRetry={() => tree.refetch()} />
      {tree.isPending ? (
        <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>
      ) : data.length === 0 ? (
        <Empty description={t("directory.emptyTree")} />
      ) : (
        <Tree
          className="directory-tree"
          treeData={data}
          height={560}
          showLine
          blockNode
          expandedKeys={expanded}
          onExpand={setExpanded}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
          aria-label={t("directory.treeLabel")}
          data-testid="unit-tree"
        />
      )}
    </div>
  );
}
