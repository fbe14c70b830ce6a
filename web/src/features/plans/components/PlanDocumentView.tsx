import { Empty, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { indexName } from "../../../../../core/src/words/indices";
import { formatNumber } from "../../../../../core/src/words/numbers";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { usePlanLabels } from "../labels";
import { usePlanDocument } from "../plans.queries";
import "../plans.css";

/** The plan as it reads on paper (Decree 30/2020 layout), with the task table in document order. */
export function PlanDocumentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const labels = usePlanLabels();
  const doc = usePlanDocument(id);
  if (doc.isLoading) return <Skeleton active />;
  if (doc.error || !doc.data) return <QueryErrorAlert error={doc.error} onRetry={() => doc.refetch()} />;
  const { plan, motto, placeAndDate, rows } = doc.data;
  const names = (list: { name: string }[]) => list.map((x) => x.name).join("; ");

  return (
    <article className="plan-doc" data-testid="plan-document" lang="vi">
      <header className="plan-doc-header">
        <div className="plan-doc-issuer">
          <div className="upper">{plan.issuerName || plan.ownerUnitName}</div>
          <div className="rule" />
          <div>
            {t("plans.document.numberPrefix")} {plan.number || "……"}
          </div>
        </div>
        <div className="plan-doc-motto">
          <div className="upper strong">{motto[0]}</div>
          <div className="strong">{motto[1]}</div>
          <div className="rule" />
          <div className="italic">{placeAndDate}</div>
        </div>
      </header>
      <h2 className="plan-doc-title">
        <span className="upper">{labels.kind(plan.kind)}</span>
        <br />
        {plan.title}
      </h2>
      {plan.legalBases.length ? (
        <section>
          {plan.legalBases.map((b) => (
            <p key={b} className="italic">
              {b}
            </p>
          ))}
        </section>
      ) : null}
      {plan.objectives ? (
        <section>
          <h3>{t("plans.document.objectives")}</h3>
          {plan.objectives.split("\n").map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, in order
            <p key={i}>{line}</p>
          ))}
        </section>
      ) : null}
      {plan.targets.length ? (
        <section>
          <h3>{t("plans.document.targets")}</h3>
          <ul>
            {plan.targets.map((x) => (
              <li key={x.id}>
                {x.componentName ?? indexName(x.indexCode, i18n.language)}
                {x.targetValue != null
                  ? ` — ${t("plans.targets.targetValue")}: ${formatNumber(x.targetValue, 2, i18n.language)}`
                  : ""}
                {x.rankFrom != null
                  ? ` — ${t("plans.targets.rank")}: ${x.rankFrom}${x.rankTo && x.rankTo !== x.rankFrom ? `–${x.rankTo}` : ""}`
                  : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h3>{t("plans.document.tasks")}</h3>
        {rows.length === 0 ? (
          <Empty description={t("plans.grid.empty")} />
        ) : (
          <div className="plan-doc-table-wrap">
            <table className="plan-doc-table">
              <thead>
                <tr>
                  <th style={{ width: 50 }}>{t("plans.fields.taskNumber")}</th>
                  <th>{t("plans.fields.content")}</th>
                  <th style={{ width: 160 }}>{t("plans.fields.leads")}</th>
                  <th style={{ width: 160 }}>{t("plans.fields.coordinators")}</th>
                  <th style={{ width: 160 }}>{t("plans.fields.expectedOutput")}</th>
                  <th style={{ width: 140 }}>{t("plans.fields.deadline")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) =>
                  r.kind === "section" ? (
                    <tr key={r.id} className="section">
                      <td>{r.number}</td>
                      <td colSpan={5}>{r.content}</td>
                    </tr>
                  ) : (
                    <tr key={r.id}>
                      <td className="center">{r.number}</td>
                      <td>
                        {r.content}
                        {r.reportingNote ? <div className="italic small">{r.reportingNote}</div> : null}
                      </td>
                      <td>{names(r.leads)}</td>
                      <td>{names(r.coordinators)}</td>
                      <td>{r.expectedOutput}</td>
                      <td>
                        {r.deadlineText}
                        {r.deadlineText && r.deadlineRendered && r.deadlineRendered !== r.deadlineText ? (
                          <Typography.Text type="secondary" className="small" style={{ display: "block" }}>
                            ({r.deadlineRendered})
                          </Typography.Text>
                        ) : null}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {plan.implementation ? (
        <section>
          <h3>{t("plans.document.implementation")}</h3>
          {plan.implementation.split("\n").map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, in order
            <p key={i}>{line}</p>
          ))}
        </section>
      ) : null}
      <footer className="plan-doc-sign">
        <div className="strong upper">{plan.signerAuthority}</div>
        <div className="strong upper">{plan.signerTitle}</div>
        <div className="sign-space" />
        <div className="strong">{plan.signerName}</div>
      </footer>
    </article>
  );
}
