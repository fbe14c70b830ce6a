import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  PlusOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { PageLoading } from "../../../../components/PageLoading";
import { PageTitle } from "../../../../components/PageTitle";
import { QueryErrorAlert } from "../../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../../lib/dates";
import { DialogueCounts } from "../components/DialogueCounts";
import { DialogueFormDialog } from "../components/DialogueFormDialog";
import { MinutesFiles } from "../components/MinutesFiles";
import { RecommendationImportDialog } from "../components/RecommendationImportDialog";
import { RecommendationsEntry } from "../components/RecommendationsEntry";
import { RecommendationsTable } from "../components/RecommendationsTable";
import { exportUrl } from "../dialogues.api";
import { dialogueKeys, useDeleteDialogue, useDialogue } from "../dialogues.queries";
import { useDialogueLabels } from "../labels";

/**
 * A dialogue's own page (/follow-up/dialogues/:id): the event and its minutes, its recommendations
 * counted and listed, their bulk entry and import, publication of accepted answers, and the export
 * the host publishes. Handling each recommendation is the items' page (/follow-up?item=…).
 */
export function DialoguePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDialogueLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const query = useDialogue(id);
  const remove = useDeleteDialogue();
  const [open, setOpen] = useState<"edit" | "entry" | "import" | null>(null);
  const d = query.data;

  const back = (
    <Link to="/follow-up/dialogues">
      <ArrowLeftOutlined /> {t("followUp.dialogues.page.back")}
    </Link>
  );
  if (query.isLoading) return <PageLoading />;
  if (!d)
    return (
      <>
        <div style={{ marginBottom: 12 }}>{back}</div>
        <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </>
    );

  const deleteButton = (
    <Button danger icon={<DeleteOutlined />} disabled={!d.can.delete} loading={remove.isPending}>
      {t("followUp.dialogues.page.delete")}
    </Button>
  );
  return (
    <>
      <div style={{ marginBottom: 12 }}>{back}</div>
      <PageTitle
        title={d.title}
        extra={
          d.can.update ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setOpen("edit")} data-testid="dialogue-edit">
                {t("common.edit")}
              </Button>
              {d.can.delete ? (
                <Popconfirm
                  title={t("followUp.dialogues.page.deleteConfirm")}
                  onConfirm={() =>
                    remove.mutate(d.id, {
                      onSuccess: () => {
                        message.success(t("followUp.dialogues.page.deleted"));
                        navigate("/follow-up/dialogues");
                      },
                      onError: (e) => message.error(e.message),
                    })
                  }
                >
                  {deleteButton}
                </Popconfirm>
              ) : (
                <Tooltip title={t("followUp.dialogues.page.deleteBlocked")}>{deleteButton}</Tooltip>
              )}
            </Space>
          ) : null
        }
      />
      {d.held ? null : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("followUp.dialogues.page.notHeld", { date: formatDateVi(d.heldOn) })}
        />
      )}
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: "heldOn", label: t("followUp.dialogues.fields.heldOn"), children: formatDateVi(d.heldOn) },
            { key: "kind", label: t("followUp.dialogues.fields.kind"), children: labels.kind(d.kind) },
            { key: "host", label: t("followUp.dialogues.fields.host"), children: d.hostUnit.name },
            { key: "chair", label: t("followUp.dialogues.fields.chair"), children: d.chair || "—" },
            ...(d.sector
              ? [{ key: "sector", label: t("followUp.dialogues.fields.sector"), children: d.sector }]
              : []),
            {
              key: "count",
              label: t("followUp.dialogues.fields.participantCount"),
              children: d.participantCount ?? "—",
            },
            {
              key: "participants",
              label: t("followUp.dialogues.fields.participants"),
              span: { xs: 1, sm: 1, md: 2 },
              children: d.participants || "—",
            },
          ]}
        />
        <Card size="small" title={t("followUp.dialogues.fields.minutes")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} type={d.minutes ? undefined : "secondary"}>
            {d.minutes || t("followUp.dialogues.page.noMinutes")}
          </Typography.Paragraph>
          <Typography.Text strong>{t("followUp.dialogues.files.title")}</Typography.Text>
          <MinutesFiles id={d.id} files={d.files} canEdit={d.can.update} />
        </Card>
        <DialogueCounts counts={d.counts} />
        <Card size="small" title={t("followUp.dialogues.recs.title")}>
          <Space wrap style={{ marginBottom: 12 }}>
            {d.can.addRecommendations ? (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setOpen("entry")}
                  data-testid="recommendations-add"
                >
                  {t("followUp.dialogues.recs.add")}
                </Button>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setOpen("import")}
                  data-testid="recommendations-import-open"
                >
                  {t("followUp.dialogues.recs.import")}
                </Button>
              </>
            ) : null}
            <Button icon={<FileExcelOutlined />} href={exportUrl(d.id)} data-testid="recommendations-export">
              {t("common.exportXlsx")}
            </Button>
            <Link to={`/follow-up?dialogueId=${d.id}`} data-testid="recommendations-view-all">
              {t("followUp.dialogues.recs.viewAll")}
            </Link>
          </Space>
          <RecommendationsTable id={d.id} />
        </Card>
      </Flex>
      {open === "edit" ? <DialogueFormDialog dialogue={d} onClose={() => setOpen(null)} /> : null}
      {open === "entry" ? <RecommendationsEntry dialogue={d} onClose={() => setOpen(null)} /> : null}
      {open === "import" ? (
        <RecommendationImportDialog
          id={d.id}
          onClose={() => setOpen(null)}
          onImported={() => qc.invalidateQueries({ queryKey: dialogueKeys.all })}
        />
      ) : null}
    </>
  );
}
