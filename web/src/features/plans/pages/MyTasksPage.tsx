import { BranchesOutlined, EditOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Input,
  InputNumber,
  Popover,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { ResponsiveTable } from "../../../components/ResponsiveTable";
import { provinceToday } from "../../../lib/clock";
import { DATE_FORMAT, formatDateVi, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { useMe } from "../../auth/auth.queries";
import { FollowUpWorkList } from "../components/FollowUpWorkList";
import { ASSIGNMENT_STATUS_COLORS, ASSIGNMENT_STATUSES, usePlanLabels } from "../labels";
import type { MyTaskItem } from "../plans.api";
import { useCreateChildPlan, useMyTasks, useUpdateAssignment } from "../plans.queries";
import { pageOf, useUrlParams } from "../useUrlParams";

const KEYS = ["q", "status", "role", "dueFrom", "dueTo", "sort", "page", "pageSize"] as const;

function ProgressEditor({ item }: { item: MyTaskItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateAssignment();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number>(item.progress);
  const save = (done: boolean) =>
    update.mutate(
      {
        id: item.assignmentId,
        progress: done ? 100 : value,
        completedAt: done ? provinceToday() : undefined,
      },
      {
        onSuccess: () => {
          message.success(t("plans.myTasks.progressSaved"));
          setOpen(false);
        },
        onError: (e) => message.error(e.message),
      },
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t("plans.myTasks.updateProgress")}
      content={
        <Space direction="vertical">
          <Space>
            <InputNumber
              min={0}
              max={100}
              value={value}
              onChange={(v) => setValue(v ?? 0)}
              addonAfter="%"
              aria-label={t("plans.fields.progress")}
              data-testid="progress-input"
            />
            <Button
              type="primary"
              loading={update.isPending}
              onClick={() => save(false)}
              data-testid="progress-save"
            >
              {t("common.save")}
            </Button>
          </Space>
          <Button onClick={() => save(true)} loading={update.isPending}>
            {t("plans.myTasks.markDone")}
          </Button>
        </Space>
      }
    >
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        aria-label={t("plans.myTasks.updateProgress")}
        data-testid="progress-edit"
      />
    </Popover>
  );
}

/**
 * "Nhiệm vụ của đơn vị": what the unit (and the units under it) must do, by status and deadline: its
 * tasks, then the follow-up items waiting on it (remediation after an inspection, recommendations).
 */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const labels = usePlanLabels();
  const { params, set } = useUrlParams(KEYS);
  const [text, setText] = useState(params.q ?? "");
  const [selected, setSelected] = useState<MyTaskItem[]>([]);
  const child = useCreateChildPlan();
  const page = pageOf(params.page);
  const pageSize = pageOf(params.pageSize) > 1 ? pageOf(params.pageSize) : 20;
  const query = {
    q: params.q,
    status: params.status,
    role: params.role,
    dueFrom: params.dueFrom,
    dueTo: params.dueTo,
    sort: params.sort,
    page,
    pageSize,
  };
  const data = useMyTasks(query);
  const counts: Record<string, number | undefined> = data.data?.counts ?? {};
  const total = Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);

  const planIds = new Set(selected.map((s) => s.planId));
  const canChild = selected.length > 0 && planIds.size === 1 && selected.every((s) => s.can.createChildPlan);
  const createChild = () => {
    const first = selected[0];
    if (!first) return;
    child.mutate(
      { id: first.planId, input: { taskIds: [...new Set(selected.map((s) => s.taskId))] } },
      {
        onSuccess: (p) => {
          message.success(t("plans.detail.childCreated"));
          navigate(`/plans/${p.id}?tab=tasks`);
        },
        onError: (e) => message.error(e.message),
      },
    );
  };

  return (
    <>
      <Flex gap={6} wrap style={{ marginBottom: 12 }} role="group" aria-label={t("plans.fields.status")}>
        <Tag.CheckableTag
          checked={!params.status}
          onChange={() => set({ status: null })}
          data-testid="status-all"
        >
          {t("plans.myTasks.all")} ({total})
        </Tag.CheckableTag>
        {ASSIGNMENT_STATUSES.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={params.status === s}
            onChange={(c) => set({ status: c ? s : null })}
            data-testid={`status-${s}`}
          >
            <Tag color={ASSIGNMENT_STATUS_COLORS[s]} style={{ marginInlineEnd: 4 }}>
              {counts[s] ?? 0}
            </Tag>
            {labels.taskStatus(s)}
          </Tag.CheckableTag>
        ))}
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          placeholder={t("plans.tasks.searchPlaceholder")}
          aria-label={t("plans.tasks.searchPlaceholder")}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          value={params.role}
          onChange={(v) => set({ role: v })}
          placeholder={t("plans.fields.role")}
          aria-label={t("plans.fields.role")}
          style={{ width: 150 }}
          options={["lead", "coordinating", "requested"].map((r) => ({ value: r, label: labels.role(r) }))}
        />
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[fromIsoDate(params.dueFrom), fromIsoDate(params.dueTo)]}
          onChange={(v) => set({ dueFrom: toIsoDate(v?.[0]), dueTo: toIsoDate(v?.[1]) })}
          placeholder={[t("plans.tasks.dueFrom"), t("plans.tasks.dueTo")]}
          aria-label={t("plans.tasks.dueWindow")}
          allowEmpty={[true, true]}
        />
        <Select
          value={params.sort ?? "due"}
          onChange={(v) => set({ sort: v })}
          aria-label={t("plans.tasks.sort")}
          style={{ width: 190 }}
          options={[
            { value: "due", label: t("plans.tasks.sortDue") },
            { value: "plan", label: t("plans.tasks.sortPlan") },
            { value: "status", label: t("plans.tasks.sortStatus") },
          ]}
        />
        <span style={{ flex: 1 }} />
        <Button
          icon={<BranchesOutlined />}
          disabled={!canChild}
          loading={child.isPending}
          onClick={createChild}
          title={planIds.size > 1 ? t("plans.myTasks.onePlan") : undefined}
          data-testid="my-tasks-child-plan"
        >
          {t("plans.myTasks.createChild", { count: selected.length })}
        </Button>
      </Flex>
      <QueryErrorAlert error={data.error} onRetry={() => data.refetch()} />
      <ResponsiveTable<MyTaskItem>
        rowKey="assignmentId"
        size="middle"
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        data-testid="my-tasks-table"
        rowSelection={{
          selectedRowKeys: selected.map((s) => s.assignmentId),
          // Rows of other pages kept as they were chosen (a phone's cards give this page's only).
          onChange: (keys, rows) =>
            setSelected((before) =>
              keys.flatMap((k) => {
                const row =
                  rows.find((r) => r?.assignmentId === k) ?? before.find((b) => b.assignmentId === k);
                return row ? [row] : [];
              }),
            ),
          preserveSelectedRowKeys: true,
        }}
        locale={{ emptyText: <Empty description={t("plans.myTasks.empty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) =>
            data.data?.totalExact === false
              ? t("plans.tasks.totalMore", { count: n })
              : t("common.total", { count: n }),
          onChange: (p, s) => set({ page: p, pageSize: s }, false),
        }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t("plans.fields.task"),
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Typography.Text>
                  {r.number ? <strong>{r.number}. </strong> : null}
                  {r.content}
                </Typography.Text>
                {r.expectedOutput ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("plans.fields.expectedOutput")}: {r.expectedOutput}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("plans.fields.plan"),
            width: 150,
            render: (_, r) => (
              <Link to={`/plans/${r.planId}`} title={r.planTitle}>
                {r.planNumber || t("plans.noNumber")}
              </Link>
            ),
          },
          { title: t("plans.fields.unit"), dataIndex: "unitName", width: 170 },
          {
            title: t("plans.fields.role"),
            dataIndex: "role",
            width: 110,
            render: (v: string) => (
              <Tag color={v === "lead" ? "blue" : v === "requested" ? "gold" : undefined}>
                {labels.role(v)}
              </Tag>
            ),
          },
          {
            title: t("plans.fields.deadline"),
            width: 170,
            render: (_, r) => (
              <Flex vertical>
                <span>{r.dueDate ? formatDateVi(r.dueDate) : "—"}</span>
                {r.deadlineRendered ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.deadlineRendered}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("plans.fields.status"),
            dataIndex: "status",
            width: 170,
            render: (s: string) => <Tag color={ASSIGNMENT_STATUS_COLORS[s]}>{labels.taskStatus(s)}</Tag>,
          },
          {
            title: t("plans.fields.progress"),
            width: 170,
            render: (_, r) => (
              <Flex align="center" gap={4}>
                <Progress percent={r.progress} size="small" style={{ width: 110, margin: 0 }} />
                {r.can.update ? <ProgressEditor item={r} /> : null}
              </Flex>
            ),
          },
        ]}
      />
      {me ? <FollowUpWorkList unitId={me.unit.id} /> : null}
    </>
  );
}
