import { useQueryClient } from "@tanstack/react-query";
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SheetImportDialog } from "../../../components/SheetImportDialog";
import { useFormat } from "../format";
import { importTargets, type TargetImportResult } from "../indices.api";

type Row = TargetImportResult["rows"][number];

/** A province's index targets from a workbook; a target already set for the same key is replaced. */
export function TargetImportDialog({
  provinceUnitId,
  onClose,
}: {
  provinceUnitId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const num = (x: number | null) => (x === null ? "—" : f.num(x));
  return (
    <SheetImportDialog<Row, TargetImportResult>
      title={t("indices.targets.import.title")}
      help={t("indices.targets.import.help")}
      templateHref="/api/indices/targets/import-template.xlsx"
      testId="targets-import"
      upload={async (input) => {
        const answer = await importTargets({ ...input, provinceUnitId });
        if (input.commit) await qc.invalidateQueries({ queryKey: ["indices", "targets"] });
        return answer;
      }}
      onClose={onClose}
      columns={[
        {
          title: t("import.action"),
          dataIndex: "action",
          width: 100,
          render: (a: Row["action"]) =>
            a === "create" ? (
              <Tag color="green">{t("import.create")}</Tag>
            ) : (
              <Tag color="blue">{t("import.update")}</Tag>
            ),
        },
        { title: t("indices.index"), dataIndex: "indexName", width: 90 },
        {
          title: t("indices.targets.component"),
          dataIndex: "componentName",
          width: 220,
          render: (n: string | null) => n ?? t("indices.targets.wholeIndex"),
        },
        { title: t("indices.year"), dataIndex: "year", width: 70 },
        { title: t("indices.targets.targetValue"), dataIndex: "targetValue", width: 100, render: num },
        {
          title: t("indices.targets.rankRange"),
          key: "rank",
          width: 110,
          render: (_, r) => (r.rankFrom || r.rankTo ? `${r.rankFrom ?? "…"} – ${r.rankTo ?? "…"}` : "—"),
        },
        { title: t("indices.band"), dataIndex: "band", width: 120, render: (b: string | null) => b ?? "—" },
      ]}
      result={(r) => (
        <Typography.Text>
          {t("indices.targets.import.done", { created: r.created ?? 0, updated: r.updated ?? 0 })}
        </Typography.Text>
      )}
    />
  );
}
