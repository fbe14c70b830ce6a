import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  amendmentBody,
  amendmentResponse,
  assignment,
  assignmentUpdateBody,
  bulkAssignBody,
  bulkLinkBody,
  childPlanBody,
  coverageQuery,
  coverageResponse,
  instantiateBody,
  instantiateResponse,
  issueBody,
  issueResponse,
  myTasksQuery,
  myTasksResponse,
  planCreateBody,
  planDocumentResponse,
  planListQuery,
  planListResponse,
  planResponse,
  planStatusBody,
  planTarget,
  planTargetsBody,
  planUpdateBody,
  readinessResponse,
  reassignBody,
  reassignMergedBody,
  reassignResponse,
  resyncBody,
  resyncResponse,
  taskDetailResponse,
  taskGridResponse,
  taskImportPreview,
  taskImportQuery,
  taskListQuery,
  taskListResponse,
  taskReorderBody,
  taskUpsertBody,
  timelineQuery,
  timelineResponse,
} from "../../../../core/src/api/plans.schemas";
import { decree30Date } from "../../../../core/src/words/dates";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { sendJsonText } from "../../app/json-answers";
import { readUpload, uploadRateLimit } from "../../app/upload";
import { updateAssignment } from "./assignments/assignment-update.service";
import { reassignAssignment, reassignMerged } from "./assignments/reassign.service";
import { createChildPlan, instantiateFramework } from "./cascade/cascade.service";
import { amendPlan, closePlan, issuePlan, readiness, resyncAssignments } from "./issue/issue.service";
import { DOCX_TYPE, XLSX_TYPE } from "./plans.documents";
import { exportPlanDocx, exportTasksXlsx, importTaskTable } from "./plans.io.service";
import {
  createPlan,
  deletePlan,
  getPlanDetail,
  getVisiblePlan,
  listPlans,
  replacePlanTargets,
  updatePlan,
} from "./plans.service";
import { bulkAssign, bulkLink, readTaskGrid, reorderTasks, upsertTasks } from "./tasks/tasks.service";
import { coverage, getTaskDetail, listMyTasks, listTasks, timeline } from "./views/views.service";

const idParams = z.strictObject({ id: uuidSchema });
const user = { access: "user" as const };
const ok = z.object({ ok: z.literal(true) });
const attachment = (name: string) =>
  `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const TASK_TABLE_BODY_LIMIT = 25 * 1024 * 1024;

export const plansRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  // ——— plans ———
  app.get(
    "/api/plans",
    { config: user, schema: { querystring: planListQuery, response: { 200: planListResponse } } },
    async (request) => listPlans({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    "/api/plans",
    { config: user, schema: { body: planCreateBody, response: { 201: planResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createPlan({ db, actor, input: request.body });
      return reply.status(201).send({ plan: await getPlanDetail({ db, actor, id }) });
    },
  );

  app.get(
    "/api/plans/:id",
    { config: user, schema: { params: idParams, response: { 200: planResponse } } },
    async (request) => ({
      plan: await getPlanDetail({ db, actor: actorOf(request), id: request.params.id }),
    }),
  );

  app.patch(
    "/api/plans/:id",
    { config: user, schema: { params: idParams, body: planUpdateBody, response: { 200: planResponse } } },
    async (request) => {
      const actor = actorOf(request);
      await updatePlan({ db, actor, id: request.params.id, input: request.body });
      return { plan: await getPlanDetail({ db, actor, id: request.params.id }) };
    },
  );

  app.delete(
    "/api/plans/:id",
    { config: user, schema: { params: idParams, response: { 200: ok } } },
    async (request) => {
      await deletePlan({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );

  app.put(
    "/api/plans/:id/targets",
    {
      config: user,
      schema: {
        params: idParams,
        body: planTargetsBody,
        response: { 200: z.object({ targets: z.array(planTarget) }) },
      },
    },
    async (request) => ({
      targets: await replacePlanTargets({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.get(
    "/api/plans/:id/document",
    { config: user, schema: { params: idParams, response: { 200: planDocumentResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const plan = await getPlanDetail({ db, actor, id: request.params.id });
      const grid = await readTaskGrid({ db, actor, id: request.params.id });
      const place = plan.place || "……";
      return {
        plan,
        motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        placeAndDate: plan.issuedDate
          ? decree30Date(plan.issuedDate, place)
          : `${place}, ngày …… tháng …… năm ……`,
        rows: grid.rows,
      };
    },
  );

  // ——— task table (grid) ———
  app.get(
    "/api/plans/:id/tasks",
    { config: user, schema: { params: idParams, response: { 200: taskGridResponse } } },
    async (request) => readTaskGrid({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.put(
    "/api/plans/:id/tasks",
    {
      config: user,
      // A whole task table (up to 5,000 rows with their texts) in one save: more than the 2 MB default.
      bodyLimit: TASK_TABLE_BODY_LIMIT,
      schema: { params: idParams, body: taskUpsertBody, response: { 200: taskGridResponse } },
    },
    async (request) =>
      upsertTasks({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    "/api/plans/:id/tasks/reorder",
    {
      config: user,
      schema: { params: idParams, body: taskReorderBody, response: { 200: taskGridResponse } },
    },
    async (request) =>
      reorderTasks({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    "/api/plans/:id/tasks/bulk-assign",
    { config: user, schema: { params: idParams, body: bulkAssignBody, response: { 200: taskGridResponse } } },
    async (request) =>
      bulkAssign({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    "/api/plans/:id/tasks/bulk-link",
    { config: user, schema: { params: idParams, body: bulkLinkBody, response: { 200: taskGridResponse } } },
    async (request) => bulkLink({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    "/api/plans/:id/tasks/import",
    {
      config: { ...user, rateLimit: uploadRateLimit(config) },
      schema: { params: idParams, querystring: taskImportQuery, response: { 200: taskImportPreview } },
    },
    async (request) => {
      const file = await readUpload({ request, maxBytes: 10 * 1024 * 1024, accept: ["xlsx"] });
      return importTaskTable({
        db,
        actor: actorOf(request),
        id: request.params.id,
        file,
        query: request.query,
      }) as never;
    },
  );

  app.get(
    "/api/plans/:id/tasks.xlsx",
    { config: user, schema: { params: idParams } },
    async (request, reply) => {
      const file = await exportTasksXlsx({ db, actor: actorOf(request), id: request.params.id });
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", attachment(file.fileName))
        .send(file.data);
    },
  );
  app.get(
    "/api/plans/:id/plan.docx",
    { config: user, schema: { params: idParams } },
    async (request, reply) => {
      const file = await exportPlanDocx({ db, actor: actorOf(request), id: request.params.id });
      return reply
        .header("content-type", DOCX_TYPE)
        .header("content-disposition", attachment(file.fileName))
        .send(file.data);
    },
  );

  // ——— issue, amend, cascade ———
  app.get(
    "/api/plans/:id/readiness",
    { config: user, schema: { params: idParams, response: { 200: readinessResponse } } },
    async (request) => {
      const plan = await getVisiblePlan({ db, actor: actorOf(request), id: request.params.id });
      const { problems } = await readiness({ db, plan });
      return { ready: problems.length === 0, problems };
    },
  );
  app.post(
    "/api/plans/:id/issue",
    { config: user, schema: { params: idParams, body: issueBody, response: { 200: issueResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const { assignmentsCreated } = await issuePlan({
        db,
        actor,
        id: request.params.id,
        input: request.body,
      });
      return { plan: await getPlanDetail({ db, actor, id: request.params.id }), assignmentsCreated };
    },
  );
  app.post(
    "/api/plans/:id/amendments",
    {
      config: user,
      bodyLimit: TASK_TABLE_BODY_LIMIT,
      schema: { params: idParams, body: amendmentBody, response: { 201: amendmentResponse } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await amendPlan({ db, actor, id: request.params.id, input: request.body });
      return reply
        .status(201)
        .send({ plan: await getPlanDetail({ db, actor, id: request.params.id }), ...result });
    },
  );
  app.post(
    "/api/plans/:id/child-plans",
    { config: user, schema: { params: idParams, body: childPlanBody, response: { 201: planResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createChildPlan({ db, actor, id: request.params.id, input: request.body });
      return reply.status(201).send({ plan: await getPlanDetail({ db, actor, id }) });
    },
  );
  app.post(
    "/api/plans/:id/instantiate",
    {
      config: user,
      schema: { params: idParams, body: instantiateBody, response: { 201: instantiateResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await instantiateFramework({
          db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    "/api/plans/:id/status",
    { config: user, schema: { params: idParams, body: planStatusBody, response: { 200: planResponse } } },
    async (request) => {
      const actor = actorOf(request);
      await closePlan({ db, actor, id: request.params.id, input: request.body });
      return { plan: await getPlanDetail({ db, actor, id: request.params.id }) };
    },
  );

  app.post(
    "/api/plans/:id/assignments/resync",
    { config: user, schema: { params: idParams, body: resyncBody, response: { 200: resyncResponse } } },
    async (request) =>
      resyncAssignments({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  // ——— assignments ———
  app.patch(
    "/api/assignments/:id",
    {
      config: user,
      schema: {
        params: idParams,
        body: assignmentUpdateBody,
        response: {
          200: z.object({
            assignment: assignment.pick({ id: true, progress: true, completedAt: true, note: true }),
          }),
        },
      },
    },
    async (request) => {
      const a = await updateAssignment({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return { assignment: { id: a.id, progress: a.progress, completedAt: a.completedAt, note: a.note } };
    },
  );
  app.post(
    "/api/assignments/:id/reassign",
    { config: user, schema: { params: idParams, body: reassignBody, response: { 200: reassignResponse } } },
    async (request) =>
      reassignAssignment({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    "/api/assignments/reassign-merged",
    { config: user, schema: { body: reassignMergedBody, response: { 200: reassignResponse } } },
    async (request) => reassignMerged({ db, actor: actorOf(request), input: request.body }),
  );

  // ——— views ———
  app.get(
    "/api/tasks",
    { config: user, schema: { querystring: taskListQuery, response: { 200: taskListResponse } } },
    async (request, reply) => {
      const json = await listTasks({ db, actor: actorOf(request), query: request.query });
      return sendJsonText(reply, json, { schema: taskListResponse, validate: config.validateResponses });
    },
  );
  app.get(
    "/api/tasks/mine",
    { config: user, schema: { querystring: myTasksQuery, response: { 200: myTasksResponse } } },
    async (request, reply) => {
      const json = await listMyTasks({ db, actor: actorOf(request), query: request.query });
      return sendJsonText(reply, json, { schema: myTasksResponse, validate: config.validateResponses });
    },
  );
  app.get(
    "/api/tasks/timeline",
    { config: user, schema: { querystring: timelineQuery, response: { 200: timelineResponse } } },
    async (request) => timeline({ db, actor: actorOf(request), query: request.query }),
  );
  app.get(
    "/api/tasks/coverage",
    { config: user, schema: { querystring: coverageQuery, response: { 200: coverageResponse } } },
    async (request) => coverage({ db, actor: actorOf(request), query: request.query }),
  );
  app.get(
    "/api/tasks/:id",
    { config: user, schema: { params: idParams, response: { 200: taskDetailResponse } } },
    async (request) => getTaskDetail({ db, actor: actorOf(request), id: request.params.id }),
  );
};
