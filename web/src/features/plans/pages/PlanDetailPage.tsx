import {
  ArrowLeftOutlined,
  BranchesOutlined,
  CopyOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  SendOutlined,
} from "@ant-design/icons";
import {
  App,
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { ObligationsTab } from "../../reporting/components/ObligationsTab";
import { AmendmentsTab } from "../components/AmendmentsTab";
import { InstantiateDialog } from "../components/InstantiateDialog";
import { IssueDialog } from "../components/IssueDialog";
import { PlanDocumentView } from "../components/PlanDocumentView";
import { TargetsTab } from "../components/TargetsTab";
import { TaskGrid } from "../components/TaskGrid";
import { PLAN_STATUS_COLORS, usePlanLabels } from "../labels";
import { planDocxUrl, tasksXlsxUrl } from "../plans.api";
import { useCreateChildPlan, useDeletePlan, usePlan } from "../plans.queries";
import { useUrlParams } from "../useUrlParams";

const TABS = ["document", "tasks", "targets", "amendments", "reporting"] as const;

export function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = usePlanLabels();
  const plan = usePlan(id);
  const { params, set } = useUrlParams(["tab"] as const);
  const [issuing, setIssuing] = useState(false);
  const [instantiating, setInstantiating] = useState(false);
  const del = useDeletePlan();
  const child = useCreateChildPlan();

  if (plan.isLoading) return <Skeleton active />;
  if (plan.error || !plan.data)
    return (
      <>
        <PageTitle title={t("plans.detail.title")} />
        <QueryErrorAlert error={plan.error} onRetry={() => plan.refetch()} />
        <Link to="/plans">
          <ArrowLeftOutlined /> {t("plans.detail.back")}
        </Link>
      </>
    );
  const p = plan.data;
  const can = p.can;
  const draft = p.status === "draft";
  const tab = (TABS as readonly string[]).includes(params.tab ?? "")
    ? params.tab!
    : draft
      ? "tasks"
      : "document";

  const createChild = () =>
    child.mutate(
      { id: p.id, input: {} },
      {
        onSuccess: (c) => {
          message.success(t("plans.detail.childCreated"));
          navigate(`/plans/${c.id}?tab=tasks`);
        },
        onError: (e) => message.error(e.message),
      },
    );

  const actions = (
    <Space wrap>
      {can.issue ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => setIssuing(true)}
          data-testid="plan-issue"
        >
          {t("plans.detail.issue")}
        </Button>
      ) : null}
      {can.createChildPlan ? (
        <Button
          icon={<BranchesOutlined />}
          onClick={createChild}
          loading={child.isPending}
          data-testid="plan-child"
        >
          {t("plans.detail.createChild")}
        </Button>
      ) : null}
      {can.instantiate ? (
        <Button icon={<CopyOutlined />} onClick={() => setInstantiating(true)} data-testid="plan-instantiate">
          {t("plans.detail.instantiate")}
        </Button>
      ) : null}
      {can.export ? (
        <>
          <Button icon={<FileWordOutlined />} href={planDocxUrl(p.id)} data-testid="plan-export-docx">
            {t("plans.detail.exportDocx")}
          </Button>
          <Button icon={<FileExcelOutlined />} href={tasksXlsxUrl(p.id)} data-testid="plan-export-xlsx">
            {t("plans.detail.exportXlsx")}
          </Button>
        </>
      ) : null}
      {can.delete ? (
        <Popconfirm
          title={t("plans.detail.deleteConfirm")}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            del.mutate(p.id, {
              onSuccess: () => {
                message.success(t("plans.detail.deleted"));
                navigate("/plans");
              },
              onError: (e) => message.error(e.message),
            })
          }
        >
          <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="plan-delete">
            {t("plans.detail.delete")}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );

  return (
    <>
      <Link to="/plans">
        <ArrowLeftOutlined /> {t("plans.detail.back")}
      </Link>
      <PageTitle title={`${labels.kind(p.kind)} ${p.number || t("plans.noNumber")}`} extra={actions} />
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {p.title}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t("plans.fields.status")}>
          <Tag color={PLAN_STATUS_COLORS[p.status]} data-testid="plan-status">
            {labels.status(p.status)}
          </Tag>
          {p.isFramework ? <Tag color="purple">{t("plans.framework")}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.fields.owner")}>{p.ownerUnitName}</Descriptions.Item>
        <Descriptions.Item label={t("plans.fields.issuedDate")}>
          {formatDateVi(p.issuedDate) || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.fields.taskCount")}>{p.taskCount}</Descriptions.Item>
        {p.status !== "draft" ? (
          <Descriptions.Item label={t("plans.fields.progress")}>
            <Progress percent={p.progress} size="small" style={{ margin: 0, maxWidth: 200 }} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("plans.fields.assignmentCount")}>{p.assignmentCount}</Descriptions.Item>
        {p.parentPlan ? (
          <Descriptions.Item label={t("plans.fields.parentPlan")}>
            <Link to={`/plans/${p.parentPlan.id}`}>{p.parentPlan.number || p.parentPlan.title}</Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        destroyOnHidden
        items={[
          {
            key: "document",
            label: t("plans.detail.tabs.document"),
            children: <PlanDocumentView id={p.id} />,
          },
          { key: "tasks", label: t("plans.detail.tabs.tasks"), children: <TaskGrid plan={p} /> },
          { key: "targets", label: t("plans.detail.tabs.targets"), children: <TargetsTab plan={p} /> },
          {
            key: "amendments",
            label: (
              <Flex gap={4} align="center">
                {t("plans.detail.tabs.amendments")}
                {p.amendments.length ? <Tag>{p.amendments.length}</Tag> : null}
              </Flex>
            ),
            children: <AmendmentsTab plan={p} />,
          },
          ...(p.status === "draft" || p.isFramework
            ? []
            : [
                {
                  key: "reporting",
                  label: <span data-testid="plan-tab-reporting">{t("plans.detail.tabs.reporting")}</span>,
                  children: <ObligationsTab plan={p} />,
                },
              ]),
        ]}
      />
      {issuing ? <IssueDialog plan={p} onClose={() => setIssuing(false)} /> : null}
      {instantiating ? <InstantiateDialog plan={p} onClose={() => setInstantiating(false)} /> : null}
      {!p ? <Result status="404" /> : null}
    </>
  );
}
