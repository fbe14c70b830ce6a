import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FolderAddOutlined,
  LinkOutlined,
  PlusOutlined,
  SaveOutlined,
  TeamOutlined,
  UndoOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { componentLabel } from "../../../../../core/src/words/indices";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { buildTree, diff, type EditRow, fromServer, move, subtreeKeys, type TreeNode } from "../grid-model";
import type { TaskGrid as Grid, PlanDetail, TaskProblem } from "../plans.api";
import { usePutTasks, useTaskGrid } from "../plans.queries";
import { BulkDialog } from "./BulkDialog";
import { ComponentSelect } from "./ComponentSelect";
import { EditableText } from "./EditableText";
import { ParticipantSelect } from "./ParticipantSelect";
import { TaskImportDialog } from "./TaskImportDialog";

let seq = 0;
const newKey = () => `new-${Date.now().toString(36)}-${++seq}`;

function ParticipantCell(props: {
  value: string[];
  labels: Record<string, string>;
  onChange: (v: string[]) => void;
  disabled: boolean;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const tags = props.value.map((v) => (
    <Tag
      key={v}
      color={v.startsWith("g:") ? "purple" : v.startsWith("n:") ? "red" : undefined}
      style={{ marginBottom: 2 }}
    >
      {props.labels[v] ?? (v.startsWith("n:") ? v.slice(2) : v)}
    </Tag>
  ));
  if (props.disabled) return <>{tags}</>;
  if (editing)
    return (
      <ParticipantSelect
        size="small"
        autoFocus
        value={props.value}
        onChange={props.onChange}
        knownLabels={props.labels}
        onBlur={() => setEditing(false)}
        data-testid={props.testId}
        aria-label={props.label}
      />
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a cell that turns into a select
    <div
      className="cell-edit"
      role="button"
      tabIndex={0}
      aria-label={props.label}
      data-testid={`${props.testId}-cell`}
      onClick={() => setEditing(true)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "F2") {
          e.preventDefault();
          setEditing(true);
        }
      }}
    >
      {tags.length ? tags : <Typography.Text type="secondary">{t("plans.grid.choose")}</Typography.Text>}
    </div>
  );
}

function ComponentCell(props: {
  row: EditRow;
  onChange: (v: EditRow["components"]) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const tags = props.row.components.map((c) => {
    const k = `${c.versionCode}|${c.componentCode}`;
    return (
      <Tag key={k} color="cyan" style={{ marginBottom: 2 }}>
        {props.row.labels[k] ?? componentLabel(c, i18n.language)}
      </Tag>
    );
  });
  if (props.disabled) return <>{tags}</>;
  if (editing)
    return (
      <ComponentSelect
        size="small"
        autoFocus
        value={props.row.components}
        knownNames={props.row.labels}
        onChange={props.onChange}
        onBlur={() => setEditing(false)}
      />
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a cell that turns into a select
    <div
      className="cell-edit"
      role="button"
      tabIndex={0}
      aria-label={t("plans.fields.components")}
      onClick={() => setEditing(true)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "F2") {
          e.preventDefault();
          setEditing(true);
        }
      }}
    >
      {tags.length ? tags : <Typography.Text type="secondary">{t("plans.grid.choose")}</Typography.Text>}
    </div>
  );
}

/**
 * The task table of a plan: sections and tasks as a tree, edited in place. Changes stay on the client
 * until "Lưu"; only the changed rows are sent. The last change (or the last save) can be undone.
 */
export function TaskGrid({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useTaskGrid(plan.id);
  const save = usePutTasks();
  const editable = !!grid.data?.can.update;
  const [base, setBase] = useState<EditRow[]>([]);
  const [rows, setRows] = useState<EditRow[]>([]);
  const [undo, setUndo] = useState<EditRow[][]>([]);
  const [problems, setProblems] = useState<TaskProblem[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<"assign" | "link" | null>(null);
  const [importing, setImporting] = useState(false);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const load = (g: Grid) => {
    const r = fromServer(g.rows);
    setBase(r);
    setRows(r);
    setProblems(g.problems);
  };
  // A refetch in the background never overwrites edits that are not saved yet.
  const dirtyRef = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the server's grid changes
  useEffect(() => {
    if (grid.data && !dirtyRef.current) load(grid.data);
  }, [grid.data]);

  const change = (next: EditRow[]) => {
    setUndo((u) => [...u.slice(-19), rows]);
    setRows(next);
  };
  const patch = (key: string, p: Partial<EditRow>) =>
    change(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));

  const pending = useMemo(() => diff(rows, base), [rows, base]);
  const dirty = pending.rows.length + pending.deleteIds.length > 0;
  dirtyRef.current = dirty;
  const changedKeys = useMemo(() => new Set(pending.rows.map((r) => r.id ?? r.key ?? "")), [pending]);
  const problemsByTask = useMemo(() => {
    const m = new Map<string, TaskProblem[]>();
    for (const p of problems) if (p.taskId) m.set(p.taskId, [...(m.get(p.taskId) ?? []), p]);
    return m;
  }, [problems]);

  const addRow = (kind: "section" | "task", parentKey: string | null) => {
    const key = newKey();
    const row: EditRow = {
      key,
      parentKey,
      kind,
      number: "",
      content: kind === "section" ? t("plans.grid.newSection") : t("plans.grid.newTask"),
      expectedOutput: "",
      deadlineText: "",
      reportingNote: "",
      leads: [],
      coordinators: [],
      components: [],
      labels: {},
    };
    // A new row goes after its parent's last descendant (or at the end).
    let at = rows.length;
    if (parentKey) {
      const keys = subtreeKeys(rows, parentKey);
      at = Math.max(...rows.map((r, i) => (keys.has(r.key) ? i : -1))) + 1;
      setExpanded((e) => [...(e ?? allKeys), parentKey]);
    }
    change([...rows.slice(0, at), row, ...rows.slice(at)]);
  };

  const remove = (key: string) => {
    const keys = subtreeKeys(rows, key);
    change(rows.filter((r) => !keys.has(r.key)));
    setSelected((s) => s.filter((k) => !keys.has(k)));
  };

  const onSave = () =>
    save.mutate(
      { id: plan.id, rows: pending.rows, deleteIds: pending.deleteIds },
      {
        onSuccess: (g) => {
          // The state before the save stays undoable: it is re-sent as changes against the new state.
          setUndo((u) => [...u.slice(-19), base]);
          load(g);
          message.success(t("plans.grid.saved", { count: pending.rows.length + pending.deleteIds.length }));
        },
      },
    );

  const onUndo = () => {
    const prev = undo[undo.length - 1];
    if (!prev) return;
    setUndo(undo.slice(0, -1));
    // Rows the server no longer has come back as new rows, so that saving re-creates them.
    const ids = new Set(base.map((r) => r.id));
    const remap = new Map<string, string>();
    const restored = prev.map((r) => {
      if (!r.id || ids.has(r.id)) return r;
      const key = newKey();
      remap.set(r.key, key);
      return { ...r, id: undefined, key, server: undefined };
    });
    setRows(
      restored.map((r) =>
        r.parentKey && remap.has(r.parentKey) ? { ...r, parentKey: remap.get(r.parentKey)! } : r,
      ),
    );
    message.info(t("plans.grid.undone"));
  };

  const tree = useMemo(() => buildTree(rows), [rows]);
  const allKeys = useMemo(() => rows.filter((r) => r.kind === "section").map((r) => r.key), [rows]);
  const savedSelected = selected.filter((k) => rows.find((r) => r.key === k)?.id);

  if (grid.isLoading) return <Table loading columns={[]} />;
  if (grid.error) return <QueryErrorAlert error={grid.error} onRetry={() => grid.refetch()} />;

  const label = (r: EditRow) => `${r.number || ""} ${r.content.slice(0, 40)}`.trim();

  return (
    <div className="task-grid">
      {editable ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<FolderAddOutlined />}
            onClick={() => addRow("section", null)}
            data-testid="section-add"
          >
            {t("plans.grid.addSection")}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => addRow("task", null)} data-testid="task-add">
            {t("plans.grid.addTask")}
          </Button>
          <Button icon={<UndoOutlined />} disabled={!undo.length} onClick={onUndo} data-testid="task-undo">
            {t("plans.grid.undo")}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={onSave}
            data-testid="task-save"
          >
            {dirty
              ? t("plans.grid.saveCount", { count: pending.rows.length + pending.deleteIds.length })
              : t("plans.grid.save")}
          </Button>
          <Button
            icon={<TeamOutlined />}
            disabled={!savedSelected.length || dirty}
            onClick={() => setBulk("assign")}
            data-testid="task-bulk-assign"
          >
            {t("plans.grid.bulkAssign")}
          </Button>
          <Button
            icon={<LinkOutlined />}
            disabled={!savedSelected.length || dirty}
            onClick={() => setBulk("link")}
            data-testid="task-bulk-link"
          >
            {t("plans.grid.bulkLink")}
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="task-import">
            {t("plans.grid.importXlsx")}
          </Button>
        </Flex>
      ) : null}
      {!editable && plan.status === "draft" ? null : !editable ? (
        <Alert type="info" showIcon title={t("plans.grid.readOnly")} style={{ marginBottom: 12 }} />
      ) : null}
      {dirty && savedSelected.length ? (
        <Typography.Text type="secondary">{t("plans.grid.saveBeforeBulk")}</Typography.Text>
      ) : null}
      <QueryErrorAlert error={save.error} />
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("plans.grid.problems", { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 120, overflow: "auto" }}>
              {problems.slice(0, 30).map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
                <li key={i}>
                  {p.number ? <strong>{p.number}: </strong> : null}
                  {p.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<TreeNode>
        rowKey="key"
        size="small"
        bordered
        dataSource={tree}
        pagination={false}
        scroll={{ x: 1500 }}
        data-testid="task-grid"
        locale={{ emptyText: <Empty description={t("plans.grid.empty")} /> }}
        expandable={{
          expandedRowKeys: expanded ?? allKeys,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
        }}
        rowClassName={(r) =>
          [
            r.kind === "section" ? "row-section" : "",
            changedKeys.has(r.key) || !r.id ? "row-changed" : "",
          ].join(" ")
        }
        rowSelection={
          editable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                checkStrictly: true,
              }
            : undefined
        }
        columns={[
          {
            title: t("plans.fields.taskNumber"),
            dataIndex: "number",
            width: 110,
            render: (_, r) => (
              <EditableText
                value={r.number}
                disabled={!editable}
                placeholder={t("plans.grid.auto")}
                label={t("plans.fields.taskNumber")}
                onChange={(v) => patch(r.key, { number: v })}
              />
            ),
          },
          {
            title: t("plans.fields.content"),
            dataIndex: "content",
            width: 360,
            render: (_, r) => (
              <EditableText
                multiline
                value={r.content}
                disabled={!editable}
                label={t("plans.fields.content")}
                testId="task-content"
                onChange={(v) => v.trim() && patch(r.key, { content: v })}
              />
            ),
          },
          {
            title: t("plans.fields.leads"),
            width: 220,
            render: (_, r) =>
              r.kind === "task" ? (
                <ParticipantCell
                  value={r.leads}
                  labels={r.labels}
                  disabled={!editable}
                  label={t("plans.fields.leads")}
                  testId="lead-select"
                  onChange={(v) => patch(r.key, { leads: v })}
                />
              ) : null,
          },
          {
            title: t("plans.fields.coordinators"),
            width: 220,
            render: (_, r) =>
              r.kind === "task" ? (
                <ParticipantCell
                  value={r.coordinators}
                  labels={r.labels}
                  disabled={!editable}
                  label={t("plans.fields.coordinators")}
                  testId="coordinator-select"
                  onChange={(v) => patch(r.key, { coordinators: v })}
                />
              ) : null,
          },
          {
            title: t("plans.fields.expectedOutput"),
            width: 200,
            render: (_, r) =>
              r.kind === "task" ? (
                <EditableText
                  multiline
                  value={r.expectedOutput}
                  disabled={!editable}
                  label={t("plans.fields.expectedOutput")}
                  onChange={(v) => patch(r.key, { expectedOutput: v })}
                />
              ) : null,
          },
          {
            title: t("plans.fields.deadline"),
            width: 200,
            render: (_, r) => {
              if (r.kind !== "task") return null;
              const s = r.server;
              const unchanged = s && s.deadlineText === r.deadlineText;
              const problem = unchanged ? s.deadlineProblem : null;
              return (
                <Flex vertical gap={2}>
                  <EditableText
                    value={r.deadlineText}
                    disabled={!editable}
                    label={t("plans.fields.deadline")}
                    testId="task-deadline"
                    placeholder={t("plans.grid.deadlinePlaceholder")}
                    onChange={(v) => patch(r.key, { deadlineText: v })}
                  />
                  {unchanged && s.deadline.understood && s.deadlineText ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.deadlineRendered}
                      {s.dueDate
                        ? ` · ${t("plans.grid.due")} ${s.dueDate.split("-").reverse().join("/")}`
                        : ""}
                    </Typography.Text>
                  ) : null}
                  {problem || (unchanged && s.deadlineText && !s.deadline.understood) ? (
                    <Tooltip title={problem}>
                      <Tag color="warning" icon={<WarningOutlined />}>
                        {t("plans.grid.deadlineNotUnderstood")}
                      </Tag>
                    </Tooltip>
                  ) : null}
                  {!unchanged && r.deadlineText ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("plans.grid.parsedOnSave")}
                    </Typography.Text>
                  ) : null}
                </Flex>
              );
            },
          },
          {
            title: t("plans.fields.reportingNote"),
            width: 170,
            render: (_, r) =>
              r.kind === "task" ? (
                <EditableText
                  multiline
                  value={r.reportingNote}
                  disabled={!editable}
                  label={t("plans.fields.reportingNote")}
                  onChange={(v) => patch(r.key, { reportingNote: v })}
                />
              ) : null,
          },
          {
            title: t("plans.fields.components"),
            width: 200,
            render: (_, r) => (
              <ComponentCell row={r} disabled={!editable} onChange={(v) => patch(r.key, { components: v })} />
            ),
          },
          ...(editable
            ? []
            : [
                {
                  title: t("plans.fields.progress"),
                  width: 120,
                  render: (_: unknown, r: TreeNode) =>
                    r.kind === "task" && r.server ? (
                      <Progress percent={r.server.progress} size="small" />
                    ) : null,
                },
              ]),
          {
            title: t("common.actions"),
            width: editable ? 170 : 60,
            fixed: "right",
            render: (_, r) => {
              const rowProblems = r.id ? problemsByTask.get(r.id) : undefined;
              return (
                <Space size={2} wrap>
                  {rowProblems?.length ? (
                    <Tooltip title={rowProblems.map((p) => p.message).join("; ")}>
                      <WarningOutlined
                        style={{ color: "#faad14" }}
                        aria-label={t("plans.grid.hasProblems")}
                      />
                    </Tooltip>
                  ) : null}
                  {editable ? (
                    <>
                      <Tooltip title={t("plans.grid.moveUp")}>
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          aria-label={`${t("plans.grid.moveUp")} ${label(r)}`}
                          onClick={() => change(move(rows, r.key, -1))}
                        />
                      </Tooltip>
                      <Tooltip title={t("plans.grid.moveDown")}>
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          aria-label={`${t("plans.grid.moveDown")} ${label(r)}`}
                          onClick={() => change(move(rows, r.key, 1))}
                        />
                      </Tooltip>
                      {r.kind === "section" ? (
                        <Tooltip title={t("plans.grid.addChild")}>
                          <Button
                            size="small"
                            type="text"
                            icon={<PlusOutlined />}
                            aria-label={`${t("plans.grid.addChild")} ${label(r)}`}
                            onClick={() => addRow("task", r.key)}
                            data-testid="task-add-child"
                          />
                        </Tooltip>
                      ) : null}
                      <Popconfirm
                        title={
                          r.kind === "section"
                            ? t("plans.grid.deleteSectionConfirm")
                            : t("plans.grid.deleteConfirm")
                        }
                        okText={t("common.delete")}
                        cancelText={t("common.cancel")}
                        onConfirm={() => remove(r.key)}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t("common.delete")} ${label(r)}`}
                        />
                      </Popconfirm>
                    </>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
      {bulk ? (
        <BulkDialog
          mode={bulk}
          planId={plan.id}
          taskIds={savedSelected}
          onClose={() => setBulk(null)}
          onDone={(g) => {
            setUndo((u) => [...u.slice(-19), base]);
            load(g);
          }}
        />
      ) : null}
      {importing ? <TaskImportDialog planId={plan.id} onClose={() => setImporting(false)} /> : null}
    </div>
  );
}
