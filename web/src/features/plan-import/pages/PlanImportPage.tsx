import { FileSearchOutlined, InboxOutlined, WarningOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { isApiError } from "../../../lib/api-client";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../../lib/dates";
import { useOrgGroups, useOrgTree } from "../../org-units/org-units.queries";
import { ParticipantSelect } from "../../plans/components/ParticipantSelect";
import { PlanSelect } from "../../plans/components/PlanSelect";
import { usePlanLabels } from "../../plans/labels";
import {
  createPlan,
  deletePlan,
  fetchTaskGrid,
  putTargets,
  putTasks,
  updatePlan,
} from "../../plans/plans.api";
import { usePlans } from "../../plans/plans.queries";
import { buildTaskRows, kindOf, type ReviewTask } from "../build-draft";
import { type Extraction, extractFile, extractText, type UnitRef } from "../plan-import.api";
import { ResolutionReasons } from "../ResolutionReasons";
import "../../plans/plans.css";

type Meta = {
  kind: string;
  number: string;
  date: Dayjs | null;
  issuer: string;
  place: string;
  title: string;
};

const TEXT_EXT = /\.(txt|md)$/i;

/** Flagged by the extraction, or with a lead or coordinator not matched to the directory. */
const isFlaggedTask = (x: ReviewTask) =>
  x.flags.length > 0 || [...x.leads, ...x.coordinators].some((v) => v.startsWith("n:"));

/**
 * Import of a plan document: the file (or pasted text) is read by the server, nothing is stored; the
 * person checks the extraction beside the source, settles what is flagged and creates a draft.
 */
export function PlanImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = usePlanLabels();
  const canCreate = usePlans({ pageSize: 1 });
  /** Re-importing a document into a draft made earlier replaces that draft's content. */
  const [replaceDraftId, setReplaceDraftId] = useState<string | null>(null);
  const groups = useOrgGroups();
  const tree = useOrgTree(false);
  const [mode, setMode] = useState<"file" | "text">("file");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [sourceText, setSourceText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<Extraction | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [legalBases, setLegalBases] = useState<string[]>([]);
  const [tasks, setTasks] = useState<ReviewTask[]>([]);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<Error | null>(null);
  const sourceRef = useRef<HTMLDivElement>(null);

  // Suggestions are names: the directory's groups and units give their ids.
  const byName = useMemo(() => {
    const m = new Map<string, string>();
    for (const n of tree.data ?? []) m.set(n.name.toLowerCase(), `u:${n.id}`);
    for (const g of groups.data ?? []) m.set(g.name.toLowerCase(), `g:${g.id}`);
    return m;
  }, [groups.data, tree.data]);

  const load = (r: Extraction) => {
    setResult(r);
    setMeta({
      kind: kindOf(r.metadata.kind),
      number: r.metadata.number ?? "",
      date: fromIsoDate(r.metadata.date),
      // The issuer as the directory names it when the letterhead was found there.
      issuer: (r.owner?.fromDocument ? r.owner.name : null) ?? r.metadata.issuer ?? "",
      place: r.metadata.place ?? "",
      title: r.metadata.title ?? "",
    });
    setLegalBases(r.legalBases.map((b) => b.text));
    const toValue = (u: UnitRef, lbl: Record<string, string>, why: Record<string, string>) => {
      const v = u.unitId ? `u:${u.unitId}` : u.groupId ? `g:${u.groupId}` : `n:${u.text}`;
      lbl[v] = u.unit ?? u.text;
      if (u.reason) why[v] = u.unit && u.unit !== u.text ? `“${u.text}” — ${u.reason}` : u.reason;
      return v;
    };
    setTasks(
      r.tasks.map((x, i) => {
        const lbl: Record<string, string> = {};
        const why: Record<string, string> = {};
        const leads = x.leads.map((u) => toValue(u, lbl, why));
        const coordinators = x.coordinators.map((u) => toValue(u, lbl, why));
        const suggestions = [...new Set([...x.leads, ...x.coordinators].flatMap((u) => u.suggestions ?? []))];
        return {
          key: `x${i}`,
          index: i,
          include: true,
          sectionPath: x.sectionPath?.length ? x.sectionPath : x.section ? [x.section] : [],
          number: x.number ?? "",
          content: x.content,
          expectedOutput: x.expectedOutput,
          deadlineText: x.deadline.text,
          deadlineUnderstood: x.deadline.understood,
          note: x.note ?? "",
          leads,
          coordinators,
          labels: lbl,
          reasons: why,
          suggestions,
          flags: x.flags,
          source: x.source,
          edited: false,
        };
      }),
    );
  };

  const extract = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (mode === "file" && file) {
        setSourceText(TEXT_EXT.test(file.name) ? await file.text() : null);
        load(await extractFile(file));
      } else {
        setSourceText(text);
        load(await extractText(text));
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const patchTask = (key: string, p: Partial<ReviewTask>) =>
    setTasks((ts) => ts.map((x) => (x.key === key ? { ...x, ...p, edited: true } : x)));

  const isFlagged = isFlaggedTask;
  const view = useMemo(() => {
    const list = flaggedOnly ? tasks.filter(isFlagged) : tasks;
    // Flagged items first, each group in document order.
    return [...list].sort((a, b) => Number(isFlagged(b)) - Number(isFlagged(a)) || a.index - b.index);
  }, [tasks, flaggedOnly]);

  const showSource = (source: string) => {
    const line = Number(source.match(/dòng (\d+)/)?.[1]);
    if (!line || !sourceRef.current) return;
    const el = sourceRef.current.querySelector(`[data-line="${line}"]`);
    if (el) {
      el.scrollIntoView({ block: "center" });
      (el as HTMLElement).style.background = "#fffbe6";
    }
  };

  const createDraft = async () => {
    if (!meta || !result) return;
    if (meta.title.trim().length < 5) {
      setCreateError(new Error(t("plans.import.titleRequired")));
      return;
    }
    setCreating(true);
    setCreateError(null);
    let planId: string | null = null;
    const replacing = replaceDraftId;
    try {
      const year = meta.date?.year() ?? null;
      const input = {
        kind: meta.kind as never,
        number: meta.number.trim().slice(0, 60),
        issuedDate: toIsoDate(meta.date),
        issuerName: meta.issuer.trim().slice(0, 200),
        // The draft belongs to the body that issued the document, not the importer's unit.
        ...(result.owner?.fromDocument && result.owner.unitId ? { ownerUnitId: result.owner.unitId } : {}),
        place: meta.place.trim().slice(0, 100),
        title: meta.title.trim().slice(0, 1000),
        legalBases: legalBases
          .map((b) => b.trim().slice(0, 1000))
          .filter(Boolean)
          .slice(0, 50),
        objectives: result.objectives
          .map((o) => o.text)
          .join("\n")
          .slice(0, 20_000),
        implementation: result.reporting
          .map((r) => r.text)
          .join("\n")
          .slice(0, 20_000),
        periodFrom: year,
        periodTo: year,
      };
      let plan: { id: string };
      let deleteIds: string[] = [];
      if (replacing) {
        // The earlier draft keeps its id (and links to it); its rows are replaced in one save.
        plan = await updatePlan({ id: replacing, input });
        deleteIds = (await fetchTaskGrid(replacing)).rows.map((r) => r.id);
      } else plan = await createPlan(input);
      if (!replacing) planId = plan.id;
      await putTasks({ id: plan.id, rows: buildTaskRows(tasks), deleteIds });
      const targets = targetInputs(result.targets);
      // Targets are a bonus of the import: one the server refuses (a component of another version)
      // must not cost the person the draft; it is reported and can be set on the Chỉ tiêu tab.
      if (targets.length)
        await putTargets({ id: plan.id, targets }).catch((e: Error) =>
          message.warning(`${t("plans.import.targetsNotSaved")}: ${e.message}`),
        );
      message.success(t("plans.import.created"));
      navigate(`/plans/${plan.id}?tab=tasks`);
    } catch (e) {
      if (planId) await deletePlan(planId).catch(() => undefined);
      setCreateError(e as Error);
    } finally {
      setCreating(false);
    }
  };

  if (canCreate.data && !canCreate.data.can.create)
    return <Result status="403" title={t("errors.forbiddenTitle")} subTitle={t("plans.import.forbidden")} />;

  const upload = (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Tabs
        activeKey={mode}
        onChange={(k) => setMode(k as "file" | "text")}
        items={[
          {
            key: "file",
            label: t("plans.import.fromFile"),
            children: (
              <Upload.Dragger
                accept=".docx,.pdf,.xlsx,.txt,.md"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                data-testid="plan-import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{file ? file.name : t("plans.import.drop")}</p>
                <p className="ant-upload-hint">{t("plans.import.formats")}</p>
              </Upload.Dragger>
            ),
          },
          {
            key: "text",
            label: t("plans.import.fromText"),
            children: (
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoSize={{ minRows: 6, maxRows: 16 }}
                placeholder={t("plans.import.pastePlaceholder")}
                aria-label={t("plans.import.fromText")}
                data-testid="plan-import-text"
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        icon={<FileSearchOutlined />}
        loading={busy}
        disabled={mode === "file" ? !file : !text.trim()}
        onClick={extract}
        data-testid="plan-import-extract"
        style={{ marginTop: 12 }}
      >
        {busy ? t("plans.import.extracting") : t("plans.import.extract")}
      </Button>
      <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
        {t("plans.import.nothingStored")}
      </Typography.Text>
    </Card>
  );

  const participantsCell = (x: ReviewTask, field: "leads" | "coordinators") => {
    const extra = x.suggestions
      .map((s) => ({ value: byName.get(s.toLowerCase()), label: s }))
      .filter((o): o is { value: string; label: string } => !!o.value);
    return (
      <>
        <ParticipantSelect
          size="small"
          value={x[field]}
          knownLabels={x.labels}
          extraOptions={extra}
          onChange={(v) => patchTask(x.key, { [field]: v })}
          data-testid={field === "leads" ? "lead-select" : "coordinator-select"}
          aria-label={`${t(field === "leads" ? "plans.fields.leads" : "plans.fields.coordinators")} ${x.number}`}
        />
        <ResolutionReasons values={x[field]} labels={x.labels} reasons={x.reasons} />
      </>
    );
  };

  const review = result && meta && (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("plans.import.source")} style={{ position: "sticky", top: 8 }}>
          {(sourceText ?? result.document?.text) != null ? (
            <div className="plan-import-source" ref={sourceRef} data-testid="plan-import-source">
              {(sourceText ?? result.document?.text ?? "").split("\n").map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: source lines in order
                <div key={i} data-line={i + 1} className="block">
                  <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineEnd: 6 }}>
                    {i + 1}
                  </Typography.Text>
                  {line}
                </div>
              ))}
            </div>
          ) : (
            <Space direction="vertical">
              <Typography.Text strong>{file?.name}</Typography.Text>
              <Typography.Text type="secondary">
                {t("plans.import.sourceNote", {
                  format: result.document?.format ?? "",
                  blocks: result.document?.blocks ?? 0,
                })}
              </Typography.Text>
            </Space>
          )}
          {result.document?.warnings?.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={result.document.warnings.join(" ")}
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Flex gap={16} wrap style={{ marginBottom: 12 }}>
          <Statistic title={t("plans.import.stats.tasks")} value={result.stats.tasks} />
          <Statistic
            title={t("plans.import.stats.leads")}
            value={`${result.stats.leadsResolved}/${result.stats.leads}`}
          />
          <Statistic
            title={t("plans.import.stats.deadlines")}
            value={`${result.stats.deadlinesUnderstood}/${result.stats.deadlines}`}
          />
          <Statistic
            title={t("plans.import.stats.targets")}
            value={`${result.stats.targetsResolved}/${result.stats.targets}`}
          />
          <Statistic
            title={t("plans.import.stats.flagged")}
            value={result.stats.flagged}
            valueStyle={{ color: "#cf1322" }}
          />
        </Flex>
        {result.flags.length ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={result.flags.join(" ")} />
        ) : null}
        <Card size="small" title={t("plans.import.metadata")} style={{ marginBottom: 12 }}>
          {result.metadata.flags.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={result.metadata.flags.join(" ")}
            />
          ) : null}
          <Form layout="vertical">
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label={t("plans.fields.kind")}>
                  <Select
                    value={meta.kind}
                    options={labels.kindOptions}
                    onChange={(v) => setMeta({ ...meta, kind: v })}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t("plans.fields.number")}>
                  <Input
                    value={meta.number}
                    onChange={(e) => setMeta({ ...meta, number: e.target.value })}
                    data-testid="plan-import-number"
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t("plans.fields.issuedDate")}>
                  <DatePicker
                    value={meta.date}
                    format={DATE_FORMAT}
                    onChange={(d) => setMeta({ ...meta, date: d })}
                    style={{ width: "100%" }}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  label={t("plans.fields.issuer")}
                  extra={
                    result.owner?.name ? t("plans.import.owner", { name: result.owner.name }) : undefined
                  }
                >
                  <Input value={meta.issuer} onChange={(e) => setMeta({ ...meta, issuer: e.target.value })} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t("plans.fields.place")}>
                  <Input value={meta.place} onChange={(e) => setMeta({ ...meta, place: e.target.value })} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={t("plans.fields.title")} required>
                  <Input.TextArea
                    autoSize
                    value={meta.title}
                    onChange={(e) => setMeta({ ...meta, title: e.target.value })}
                    data-testid="plan-import-title"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
        <Tabs
          items={[
            {
              key: "tasks",
              label: `${t("plans.import.tasks")} (${tasks.filter((x) => x.include).length})`,
              children: (
                <>
                  <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
                    <Switch
                      checked={flaggedOnly}
                      onChange={setFlaggedOnly}
                      aria-label={t("plans.import.flaggedOnly")}
                    />
                    <span>{t("plans.import.flaggedOnly")}</span>
                  </Flex>
                  <Table<ReviewTask>
                    rowKey="key"
                    size="small"
                    dataSource={view}
                    scroll={{ x: 1300 }}
                    pagination={{ pageSize: 20, showSizeChanger: true }}
                    data-testid="plan-import-tasks"
                    locale={{ emptyText: <Empty description={t("plans.import.noTasks")} /> }}
                    columns={[
                      {
                        title: t("plans.import.include"),
                        width: 60,
                        render: (_, x) => (
                          <Checkbox
                            checked={x.include}
                            onChange={(e) => patchTask(x.key, { include: e.target.checked })}
                            aria-label={t("plans.import.include")}
                          />
                        ),
                      },
                      {
                        title: t("plans.fields.taskNumber"),
                        width: 70,
                        render: (_, x) => (
                          <Input
                            size="small"
                            value={x.number}
                            onChange={(e) => patchTask(x.key, { number: e.target.value })}
                            aria-label={t("plans.fields.taskNumber")}
                          />
                        ),
                      },
                      {
                        title: t("plans.fields.content"),
                        width: 340,
                        render: (_, x) => (
                          <Flex vertical gap={4}>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {x.sectionPath.join(" › ")}
                            </Typography.Text>
                            <Input.TextArea
                              autoSize={{ minRows: 2, maxRows: 6 }}
                              value={x.content}
                              onChange={(e) => patchTask(x.key, { content: e.target.value })}
                              aria-label={t("plans.fields.content")}
                            />
                            {x.flags.length ? (
                              <Flex vertical gap={2} data-testid="plan-import-flags">
                                {x.flags.map((f) => (
                                  <Typography.Text
                                    key={f}
                                    type={x.edited ? "secondary" : "warning"}
                                    style={{ fontSize: 12 }}
                                  >
                                    <WarningOutlined /> {f}
                                  </Typography.Text>
                                ))}
                              </Flex>
                            ) : null}
                            <Space size={4}>
                              <Button
                                size="small"
                                type="link"
                                style={{ padding: 0 }}
                                onClick={() => showSource(x.source)}
                              >
                                {t("plans.import.sourceAt")} {x.source}
                              </Button>
                              {x.edited ? <Tag color="green">{t("plans.import.edited")}</Tag> : null}
                            </Space>
                          </Flex>
                        ),
                      },
                      {
                        title: t("plans.fields.leads"),
                        width: 240,
                        render: (_, x) => participantsCell(x, "leads"),
                      },
                      {
                        title: t("plans.fields.coordinators"),
                        width: 240,
                        render: (_, x) => participantsCell(x, "coordinators"),
                      },
                      {
                        title: t("plans.fields.expectedOutput"),
                        width: 180,
                        render: (_, x) => (
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            value={x.expectedOutput}
                            onChange={(e) => patchTask(x.key, { expectedOutput: e.target.value })}
                            aria-label={t("plans.fields.expectedOutput")}
                          />
                        ),
                      },
                      {
                        title: t("plans.fields.deadline"),
                        width: 180,
                        render: (_, x) => (
                          <Flex vertical gap={2}>
                            <Input
                              size="small"
                              value={x.deadlineText}
                              onChange={(e) => patchTask(x.key, { deadlineText: e.target.value })}
                              aria-label={t("plans.fields.deadline")}
                            />
                            {x.deadlineText && !x.deadlineUnderstood ? (
                              <Tag color="warning">{t("plans.grid.deadlineNotUnderstood")}</Tag>
                            ) : null}
                          </Flex>
                        ),
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: "legal",
              label: `${t("plans.fields.legalBases")} (${legalBases.length})`,
              children: (
                <List
                  size="small"
                  bordered
                  dataSource={legalBases.map((b, i) => ({ b, i }))}
                  locale={{ emptyText: t("plans.import.none") }}
                  renderItem={({ b, i }) => (
                    <List.Item
                      actions={[
                        <Button
                          key="d"
                          size="small"
                          type="link"
                          danger
                          onClick={() => setLegalBases(legalBases.filter((_, j) => j !== i))}
                        >
                          {t("common.delete")}
                        </Button>,
                      ]}
                    >
                      <Input.TextArea
                        autoSize
                        value={b}
                        onChange={(e) =>
                          setLegalBases(legalBases.map((x, j) => (j === i ? e.target.value : x)))
                        }
                        aria-label={t("plans.fields.legalBases")}
                      />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: "targets",
              label: `${t("plans.detail.tabs.targets")} (${result.targets.length})`,
              children: (
                <Table
                  size="small"
                  rowKey={(_, i) => String(i)}
                  dataSource={result.targets}
                  pagination={{ pageSize: 20 }}
                  scroll={{ x: 900 }}
                  columns={[
                    { title: t("plans.targets.component"), dataIndex: "component", width: 240 },
                    {
                      title: t("plans.import.resolved"),
                      dataIndex: "resolved",
                      width: 120,
                      render: (v: string | null) =>
                        v ? (
                          <Tag color="cyan">{v}</Tag>
                        ) : (
                          <Tag color="red">{t("plans.import.unresolved")}</Tag>
                        ),
                    },
                    {
                      title: t("plans.targets.baseline"),
                      width: 140,
                      render: (_, x) =>
                        x.baseline
                          ? `${x.baseline.value ?? "—"}${x.baseline.rank ? ` · ${x.baseline.rank}${x.baseline.rankOf ? `/${x.baseline.rankOf}` : ""}` : ""}`
                          : "—",
                    },
                    {
                      title: t("plans.targets.targetValue"),
                      width: 140,
                      render: (_, x) =>
                        x.target
                          ? `${x.target.value ?? "—"}${x.target.rank ? ` · ${x.target.rank}${x.target.rankOf ? `/${x.target.rankOf}` : ""}` : ""}`
                          : "—",
                    },
                    {
                      title: t("plans.import.flags"),
                      render: (_, x) =>
                        x.flags.map((f) => (
                          <Typography.Text key={f} type="warning" style={{ display: "block", fontSize: 12 }}>
                            {f}
                          </Typography.Text>
                        )),
                    },
                  ]}
                />
              ),
            },
            {
              key: "reporting",
              label: `${t("plans.import.reporting")} (${result.reporting.length})`,
              children: (
                <List
                  size="small"
                  bordered
                  dataSource={result.reporting}
                  locale={{ emptyText: t("plans.import.none") }}
                  renderItem={(r) => (
                    <List.Item>
                      <Flex vertical>
                        <span>{r.text}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.source}
                          {r.receivers?.length
                            ? ` · ${t("plans.import.receivers")}: ${r.receivers.map((v) => v.unit ?? v.text).join(", ")}`
                            : ""}
                          {r.via.length
                            ? ` · ${t("plans.import.via")}: ${r.via.map((v) => v.unit ?? v.text).join(", ")}`
                            : ""}
                          {r.dueRule ? ` · ${t("plans.import.reportDue")}: ${r.dueRule}` : ""}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
        <Card size="small" style={{ marginTop: 12 }}>
          {createError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 8 }}
              title={createError.message}
              description={
                isApiError(createError) && Array.isArray(createError.details)
                  ? (createError.details as Array<{ message?: string; path?: unknown }>)
                      .slice(0, 10)
                      .map((d) => d.message)
                      .join("; ")
                  : t("plans.import.rolledBack")
              }
            />
          ) : null}
          <Space wrap>
            <PlanSelect
              status="draft"
              style={{ minWidth: 320 }}
              placeholder={t("plans.import.replaceDraft")}
              value={replaceDraftId ?? undefined}
              onChange={(v) => setReplaceDraftId(v ?? null)}
              data-testid="plan-import-replace-draft"
            />
            <Button
              type="primary"
              size="large"
              loading={creating}
              onClick={createDraft}
              data-testid="plan-import-create-draft"
            >
              {t("plans.import.createDraft", { count: tasks.filter((x) => x.include).length })}
            </Button>
            <Typography.Text type="secondary">{t("plans.import.createHelp")}</Typography.Text>
          </Space>
        </Card>
      </Col>
    </Row>
  );

  return (
    <>
      {upload}
      <QueryErrorAlert error={error} />
      {review}
    </>
  );
}

/**
 * Targets linked to an index or component ("PCI", "PCI:ENTRY") become the plan's targets; the
 * baseline is filled by the server from the published results, unlinked ones stay for a person.
 */
function targetInputs(targets: Extraction["targets"]) {
  return targets
    .filter((x) => x.resolved && (x.target?.value != null || x.target?.rank != null))
    .slice(0, 500)
    .map((x) => {
      const [indexCode, componentCode] = (x.resolved as string).split(":");
      return {
        indexCode,
        componentCode: componentCode ?? null,
        targetValue: x.target?.value ?? null,
        rankFrom: x.target?.rank ?? null,
        rankTo: x.target?.rank ?? null,
        band: null,
        note: x.component.slice(0, 1000),
      };
    });
}
