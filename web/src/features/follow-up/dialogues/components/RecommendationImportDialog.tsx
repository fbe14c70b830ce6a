import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SheetImportDialog } from "../../../../components/SheetImportDialog";
import { formatDateVi } from "../../../../lib/dates";
import { importRecommendations, importTemplateUrl, type RecommendationImportResult } from "../dialogues.api";
import { useDialogueLabels } from "../labels";

type Row = RecommendationImportResult["rows"][number];

/** A dialogue's recommendations from the host's Excel list: checked first, written all or nothing. */
export function RecommendationImportDialog({
  id,
  onClose,
  onImported,
}: {
  id: string;
  onClose: () => void;
  onImported: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useDialogueLabels();
  return (
    <SheetImportDialog<Row, RecommendationImportResult>
      title={t("followUp.dialogues.import.title")}
      help={t("followUp.dialogues.import.help")}
      templateHref={importTemplateUrl}
      testId="recommendations-import"
      upload={async (input) => {
        const answer = await importRecommendations({ id, ...input });
        if (input.commit) await onImported();
        return answer;
      }}
      onClose={onClose}
      columns={[
        { title: t("followUp.dialogues.recs.content"), dataIndex: "content", width: 280 },
        {
          title: t("followUp.dialogues.recs.raiser"),
          key: "raiser",
          width: 200,
          render: (_, r) => (
            <>
              {r.raiserName || labels.raiser(r.raiserKind)}{" "}
              <Typography.Text type="secondary">({labels.raiser(r.raiserKind)})</Typography.Text>
              {r.anonymous ? (
                <Tag style={{ marginInlineStart: 4 }}>{t("followUp.dialogues.recs.anonymousTag")}</Tag>
              ) : null}
            </>
          ),
        },
        { title: t("followUp.dialogues.recs.field"), dataIndex: "field", width: 120 },
        {
          title: t("followUp.dialogues.recs.unit"),
          key: "unit",
          width: 180,
          render: (_, r) => r.unit?.name ?? t("followUp.dialogues.recs.noUnit"),
        },
        {
          title: t("followUp.dialogues.recs.due"),
          dataIndex: "dueDate",
          width: 110,
          render: (v: string | null) => formatDateVi(v),
        },
      ]}
      result={(r) => (
        <Typography.Text>{t("followUp.dialogues.import.done", { count: r.created ?? 0 })}</Typography.Text>
      )}
    />
  );
}
