import { Card, Checkbox, Empty, Grid, List, Table, type TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import type { Key, ReactNode } from "react";

type Column<T> = ColumnType<T> & { children?: unknown };

/** A cell as the table would draw it: the column's `render`, else the value at its `dataIndex`. */
function cellOf<T>(column: Column<T>, record: T, index: number): ReactNode {
  // Read as plain keys: antd types a column's dataIndex as every path into T, and TypeScript's
  // check of that recursive type over a generic T runs out of memory.
  const path = column.dataIndex as unknown as string | number | ReadonlyArray<string | number> | undefined;
  const value =
    path === undefined
      ? undefined
      : (typeof path === "object" ? path : [path]).reduce<unknown>(
          (v, k) => (v == null ? v : (v as Record<string, unknown>)[k as string]),
          record,
        );
  const drawn: unknown = column.render ? column.render(value, record, index) : value;
  // A render may return { children, props } (cell spans); a card shows the children.
  if (drawn && typeof drawn === "object" && "children" in (drawn as object) && "props" in (drawn as object))
    return (drawn as { children: ReactNode }).children;
  return drawn as ReactNode;
}

/**
 * A table on a desktop and a list of cards on a phone (below 768 px), from the same columns: the
 * first column heads the card (in full: titles are long), the others its lines ("Kỳ báo cáo: Tháng 11/2026"), the actions
 * column last. The server paging, totals and loading state are the table's own, so a list pages the
 * same on both; a row selection becomes a check box on each card. Used by the lists a person opens on
 * a phone every week.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const phone = !Grid.useBreakpoint().md;
  if (!phone) return <Table<T> {...props} />;
  const columns = ((props.columns ?? []) as Column<T>[]).filter((c) => !c.hidden);
  const [first, ...rest] = columns;
  const rowKey = (record: T, index: number): Key =>
    typeof props.rowKey === "function"
      ? props.rowKey(record, index)
      : ((record as Record<string, Key>)[(props.rowKey as string) ?? "key"] ?? index);
  const pagination = props.pagination === false ? false : props.pagination;
  const records = (props.dataSource ?? []) as T[];
  const selection = props.rowSelection;
  const selected = new Set<Key>(selection?.selectedRowKeys ?? []);
  // As the table tells it: every selected key, and the records of this page among them (a page
  // that keeps selections across pages takes the others from what it already holds).
  const toggle = (record: T, index: number, checked: boolean) => {
    const key = rowKey(record, index);
    const keys = checked ? [...selected, key] : [...selected].filter((k) => k !== key);
    const rows = records.filter((r, i) => keys.includes(rowKey(r, i)));
    selection?.onChange?.(keys, rows, { type: checked ? "multiple" : "single" });
  };
  return (
    <List<T>
      data-testid={(props as { "data-testid"?: string })["data-testid"]}
      className="responsive-table-cards"
      loading={Boolean(props.loading)}
      dataSource={records}
      locale={{ emptyText: (props.locale?.emptyText as ReactNode) ?? <Empty /> }}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              showTotal: pagination.showTotal,
              onChange: pagination.onChange,
              size: "small",
              simple: true,
            }
          : false
      }
      renderItem={(record, index) => (
        <List.Item key={rowKey(record, index)} style={{ padding: "6px 0", borderBlockEnd: "none" }}>
          <Card size="small" style={{ width: "100%" }}>
            {selection ? (
              <Checkbox
                className="responsive-table-select"
                checked={selected.has(rowKey(record, index))}
                onChange={(e) => toggle(record, index, e.target.checked)}
                data-testid="card-select"
              />
            ) : null}
            {first ? <div className="responsive-table-title">{cellOf(first, record, index)}</div> : null}
            {rest.map((column, i) => {
              const cell = cellOf(column, record, index);
              if (cell === null || cell === undefined || cell === "") return null;
              const title = typeof column.title === "function" ? null : (column.title as ReactNode);
              return (
                <div key={String(column.key ?? column.dataIndex ?? i)} className="responsive-table-line">
                  {title ? <span className="responsive-table-label">{title}: </span> : null}
                  {cell}
                </div>
              );
            })}
          </Card>
        </List.Item>
      )}
    />
  );
}
