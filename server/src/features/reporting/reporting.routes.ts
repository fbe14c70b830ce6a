import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uuidSchema } from "../../../../core/src/api/common.schemas";
import {
  answerBody,
  answerParams,
  answersResponse,
  commentBody,
  commentResponse,
  consolidatedBody,
  consolidatedDraftResponse,
  dashboardListQuery,
  dashboardQuery,
  dashboardResponse,
  dashboardTaskQuery,
  dashboardTaskResponse,
  emailModeBody,
  emailModeResponse,
  entryResponse,
  entryUpdateBody,
  evidenceQuery,
  evidenceResponse,
  followUpDashboardResponse,
  followUpUnitListResponse,
  followUpUnitsQuery,
  lateBody,
  lateUnitListResponse,
  linkBody,
  notificationListQuery,
  notificationListResponse,
  obligationCreateBody,
  obligationListResponse,
  obligationResponse,
  openPeriodBody,
  openPeriodResponse,
  overdueTaskListResponse,
  progressTrendQuery,
  progressTrendResponse,
  reportListQuery,
  reportListResponse,
  reportPeriodListResponse,
  reportResponse,
  reportUpdateBody,
  scorecardListResponse,
  scorecardQuery,
  transitionBody,
  unchangedEntriesBody,
  unchangedEntriesResponse,
} from "../../../../core/src/api/reporting.schemas";
import { actorOf } from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { sendJsonText } from "../../app/json-answers";
import { sendXlsx, XLSX_TYPE } from "../../app/xlsx";
import {
  cachedDashboardList,
  cachedFollowUpDashboard,
  cachedFollowUpUnits,
  cachedProgressTrend,
  cachedReportingDashboard,
} from "./dashboard/dashboard.cache";
import { dashboardTask } from "./dashboard/dashboard.service";
import { consolidatedDraft, exportConsolidatedDocx, exportEntriesXlsx } from "./dashboard/exports.service";
import { exportScorecardsXlsx, listScorecards } from "./dashboard/scorecards.service";
import { confirmUnchanged } from "./entries/entries-unchanged.service";
import { saveEntry } from "./entries/entry-save.service";
import { CONTENT_TYPES, readEvidenceUpload } from "./evidence/evidence.files";
import { addEvidenceLink, openEvidence, uploadEvidence } from "./evidence/evidence.service";
import { createObligation, listObligations } from "./obligations/obligations.service";
import { openPeriod } from "./obligations/periods.service";
import {
  getEmailMode,
  listNotifications,
  markNotificationRead,
  setEmailMode,
} from "./reminders/reminders.service";
import { saveAnswer } from "./reports/answers.service";
import { exportReportsXlsx } from "./reports/reports.export";
import { getReport, listReportPeriods, listReports, updateReport } from "./reports/reports.service";
import { addComment } from "./review/comments.service";
import { allowLate } from "./review/late-permission.service";
import { transitionReport } from "./review/transitions.service";

const idParams = z.strictObject({ id: uuidSchema });
const user = { access: "user" as const };
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const reportingRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  // ——— obligations and periods ———
  app.get(
    "/api/plans/:id/reporting-obligations",
    { config: user, schema: { params: idParams, response: { 200: obligationListResponse } } },
    async (request) => ({
      obligations: await listObligations({ db, actor: actorOf(request), planId: request.params.id }),
    }),
  );

  app.post(
    "/api/plans/:id/reporting-obligations",
    {
      config: user,
      schema: { params: idParams, body: obligationCreateBody, response: { 201: obligationResponse } },
    },
    async (request, reply) => {
      const obligation = await createObligation({
        db,
        actor: actorOf(request),
        planId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ obligation });
    },
  );

  app.post(
    "/api/reporting-obligations/:id/periods",
    {
      config: user,
      schema: { params: idParams, body: openPeriodBody, response: { 200: openPeriodResponse } },
    },
    async (request) =>
      openPeriod({
        db,
        actor: actorOf(request),
        obligationId: request.params.id,
        periodKey: request.body.periodKey,
      }),
  );

  app.get(
    "/api/reporting/dashboard",
    { config: user, schema: { querystring: dashboardQuery, response: { 200: dashboardResponse } } },
    async (request, reply) => {
      const json = await cachedReportingDashboard({ db, actor: actorOf(request), query: request.query });
      return sendJsonText(reply, json, { schema: dashboardResponse, validate: config.validateResponses });
    },
  );

  app.get(
    "/api/reporting/dashboard/progress-trend",
    { config: user, schema: { querystring: progressTrendQuery, response: { 200: progressTrendResponse } } },
    async (request, reply) => {
      const json = await cachedProgressTrend({ db, actor: actorOf(request), query: request.query });
      return sendJsonText(reply, json, { schema: progressTrendResponse, validate: config.validateResponses });
    },
  );

  // The dashboard's lists, a page at a time, each with its true total.
  for (const [path, list, schema] of [
    ["/api/reporting/dashboard/late-units", "lateUnits", lateUnitListResponse],
    ["/api/reporting/dashboard/overdue-tasks", "overdueTasks", overdueTaskListResponse],
  ] as const) {
    app.get(
      path,
      { config: user, schema: { querystring: dashboardListQuery, response: { 200: schema } } },
      async (request, reply) => {
        const json = await cachedDashboardList(list, { db, actor: actorOf(request), query: request.query });
        return sendJsonText(reply, json, { schema, validate: config.validateResponses });
      },
    );
  }

  // The follow-up section: items by class in all, per level and per unit; units short of initiatives.
  app.get(
    "/api/reporting/dashboard/follow-up",
    {
      config: user,
      schema: { querystring: z.strictObject({}), response: { 200: followUpDashboardResponse } },
    },
    async (request, reply) => {
      const json = await cachedFollowUpDashboard({ db, actor: actorOf(request), query: {} });
      return sendJsonText(reply, json, {
        schema: followUpDashboardResponse,
        validate: config.validateResponses,
      });
    },
  );
  app.get(
    "/api/reporting/dashboard/follow-up/units",
    {
      config: user,
      schema: { querystring: followUpUnitsQuery, response: { 200: followUpUnitListResponse } },
    },
    async (request, reply) => {
      const json = await cachedFollowUpUnits({ db, actor: actorOf(request), query: request.query });
      return sendJsonText(reply, json, {
        schema: followUpUnitListResponse,
        validate: config.validateResponses,
      });
    },
  );

  app.get(
    "/api/reporting/dashboard/task",
    { config: user, schema: { querystring: dashboardTaskQuery, response: { 200: dashboardTaskResponse } } },
    async (request) => dashboardTask({ db, actor: actorOf(request), query: request.query }),
  );

  // ——— consolidated report, exports, scorecards ———
  app.get(
    "/api/reporting/consolidated/draft",
    { config: user, schema: { querystring: dashboardQuery, response: { 200: consolidatedDraftResponse } } },
    async (request) => consolidatedDraft({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    "/api/reporting/consolidated.docx",
    { config: user, schema: { body: consolidatedBody } },
    async (request, reply) => {
      const file = await exportConsolidatedDocx({ db, actor: actorOf(request), input: request.body });
      return reply
        .header("content-type", CONTENT_TYPES.docx)
        .header("content-disposition", attachment(file.fileName))
        .send(file.data);
    },
  );

  app.get(
    "/api/reporting/entries.xlsx",
    { config: user, schema: { querystring: dashboardQuery } },
    async (request, reply) => {
      const file = await exportEntriesXlsx({ db, actor: actorOf(request), query: request.query });
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", attachment(file.fileName))
        .send(file.data);
    },
  );

  app.get(
    "/api/reporting/scorecards",
    { config: user, schema: { querystring: scorecardQuery, response: { 200: scorecardListResponse } } },
    async (request) => ({
      scorecards: await listScorecards({ db, actor: actorOf(request), query: request.query }),
    }),
  );

  app.get(
    "/api/reporting/scorecards.xlsx",
    { config: user, schema: { querystring: scorecardQuery } },
    async (request, reply) => {
      const file = await exportScorecardsXlsx({ db, actor: actorOf(request), query: request.query });
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", attachment(file.fileName))
        .send(file.data);
    },
  );

  // ——— reports ———
  app.get(
    "/api/reports",
    { config: user, schema: { querystring: reportListQuery, response: { 200: reportListResponse } } },
    async (request) => listReports({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    "/api/reports.xlsx",
    { config: user, schema: { querystring: reportListQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) =>
      sendXlsx(reply, await exportReportsXlsx({ db, actor: actorOf(request), query: request.query })),
  );

  app.get(
    "/api/reports/periods",
    { config: user, schema: { response: { 200: reportPeriodListResponse } } },
    async (request) => listReportPeriods({ db, actor: actorOf(request) }),
  );

  app.get(
    "/api/reports/:id",
    { config: user, schema: { params: idParams, response: { 200: reportResponse } } },
    async (request) => ({ report: await getReport({ db, actor: actorOf(request), id: request.params.id }) }),
  );

  app.patch(
    "/api/reports/:id",
    { config: user, schema: { params: idParams, body: reportUpdateBody, response: { 200: reportResponse } } },
    async (request) => ({
      report: await updateReport({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
    }),
  );

  app.put(
    "/api/reports/:id/answers/:questionId",
    {
      config: user,
      schema: { params: answerParams, body: answerBody, response: { 200: answersResponse } },
    },
    async (request) => ({
      answers: await saveAnswer({
        db,
        actor: actorOf(request),
        id: request.params.id,
        questionId: request.params.questionId,
        value: request.body.value,
      }),
    }),
  );

  app.patch(
    "/api/report-entries/:id",
    { config: user, schema: { params: idParams, body: entryUpdateBody, response: { 200: entryResponse } } },
    async (request) => ({
      entry: await saveEntry({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
    }),
  );

  app.post(
    "/api/reports/:id/unchanged",
    {
      config: user,
      schema: { params: idParams, body: unchangedEntriesBody, response: { 200: unchangedEntriesResponse } },
    },
    async (request) => ({
      entries: await confirmUnchanged({
        db,
        actor: actorOf(request),
        reportId: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.post(
    "/api/reports/:id/transitions",
    { config: user, schema: { params: idParams, body: transitionBody, response: { 200: reportResponse } } },
    async (request) => ({
      report: await transitionReport({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
    }),
  );

  app.put(
    "/api/reports/:id/late-permission",
    { config: user, schema: { params: idParams, body: lateBody, response: { 200: reportResponse } } },
    async (request) => ({
      report: await allowLate({
        db,
        actor: actorOf(request),
        id: request.params.id,
        allowed: request.body.allowed,
      }),
    }),
  );

  app.post(
    "/api/reports/:id/comments",
    { config: user, schema: { params: idParams, body: commentBody, response: { 201: commentResponse } } },
    async (request, reply) => {
      const comment = await addComment({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ comment });
    },
  );

  // ——— notifications ———
  app.get(
    "/api/notifications",
    {
      config: user,
      schema: { querystring: notificationListQuery, response: { 200: notificationListResponse } },
    },
    async (request) => listNotifications({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    "/api/notifications/preferences",
    { config: user, schema: { response: { 200: emailModeResponse } } },
    async (request) => getEmailMode({ db, actor: actorOf(request) }),
  );
  app.put(
    "/api/notifications/preferences",
    { config: user, schema: { body: emailModeBody, response: { 200: emailModeResponse } } },
    async (request) => setEmailMode({ db, actor: actorOf(request), emailMode: request.body.emailMode }),
  );

  app.post(
    "/api/notifications/:id/read",
    { config: user, schema: { params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await markNotificationRead({ db, actor: actorOf(request), id: request.params.id });
      return { ok: true as const };
    },
  );

  // ——— evidence ———
  app.post(
    "/api/reports/:id/evidence",
    {
      config: user,
      schema: { params: idParams, querystring: evidenceQuery, response: { 201: evidenceResponse } },
    },
    async (request, reply) => {
      const file = await readEvidenceUpload(request);
      const evidence = await uploadEvidence({
        db,
        config,
        actor: actorOf(request),
        id: request.params.id,
        entryId: request.query.entryId ?? null,
        file,
      });
      return reply.status(201).send({ evidence });
    },
  );

  app.post(
    "/api/reports/:id/evidence-links",
    { config: user, schema: { params: idParams, body: linkBody, response: { 201: evidenceResponse } } },
    async (request, reply) => {
      const evidence = await addEvidenceLink({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ evidence });
    },
  );

  app.get(
    "/api/evidence/:id/download",
    { config: user, schema: { params: idParams } },
    async (request, reply) => {
      const file = await openEvidence({ db, config, actor: actorOf(request), id: request.params.id });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachment(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.data);
    },
  );
};
