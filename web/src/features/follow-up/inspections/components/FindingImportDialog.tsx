import { useQueryClient } from "@tanstack/react-query";
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SheetImportDialog } from "../../../../components/SheetImportDialog";
import { formatDateVi } from "../../../../lib/dates";
import { type FindingImportResult, findingsTemplateUrl, importFindings } from "../inspections.api";
import { inspectionKeys } from "../inspections.queries";
import { SEVERITY_COLORS, useInspectionLabels } from "../labels";
import { componentKey } from "./ComponentPick";
import { emptyFinding, type FindingDraft } from "./FindingRows";

type Row = FindingImportResult["rows"][number];

/**
 * Findings from a workbook, checked by the server first (each problem by row and column). For a
 * recorded inspection the clean file is written at once, all or nothing; for one not yet recorded its
 * rows go into the record form (`onRows`), written with the record, deadlines checked against `heldOn`.
 */
export function FindingImportDialog({
  inspectionId,
  heldOn,
  onRows,
  onClose,
}: {
  inspectionId: string;
  heldOn: string | null;
  onRows?: (rows: FindingDraft[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const qc = useQueryClient();
  const fill = !!onRows;
  return (
    <SheetImportDialog<Row, FindingImportResult>
      title={t("followUp.inspections.import.title")}
      help={fill ? t("followUp.inspections.import.helpFill") : t("followUp.inspections.import.help")}
      templateHref={findingsTemplateUrl}
      testId="findings-import"
      upload={async ({ file, commit }) => {
        if (fill) {
          const preview = await importFindings({ id: inspectionId, file, commit: false, heldOn });
          if (commit)
            onRows?.(
              preview.rows.map((r) => ({
                ...emptyFinding(),
                content: r.content,
                severity: r.severity,
                component: componentKey(r.versionCode, r.componentCode),
                componentName: r.componentName,
                unitId: r.unitId,
                unitName: r.unitName,
                dueDate: r.dueDate,
                requiredResult: r.requiredResult,
              })),
            );
          return preview;
        }
        const answer = await importFindings({ id: inspectionId, file, commit, heldOn: null });
        if (commit) await qc.invalidateQueries({ queryKey: inspectionKeys.all });
        return answer;
      }}
      onClose={onClose}
      columns={[
        { title: t("followUp.inspections.findings.content"), dataIndex: "content", width: 260 },
        {
          title: t("followUp.inspections.findings.severity"),
          dataIndex: "severity",
          width: 110,
          render: (s: string) => <Tag color={SEVERITY_COLORS[s]}>{labels.severity(s)}</Tag>,
        },
        {
          title: t("followUp.inspections.findings.component"),
          dataIndex: "componentName",
          width: 160,
          render: (n: string | null) => n ?? "—",
        },
        { title: t("followUp.inspections.findings.unit"), dataIndex: "unitName", width: 160 },
        {
          title: t("followUp.inspections.findings.dueDate"),
          dataIndex: "dueDate",
          width: 110,
          render: (d: string) => formatDateVi(d),
        },
      ]}
      result={(r) => (
        <Typography.Text>
          {fill
            ? t("followUp.inspections.import.filled", { count: r.rows.length })
            : t("followUp.inspections.import.done", { count: r.created ?? 0 })}
        </Typography.Text>
      )}
    />
  );
}
