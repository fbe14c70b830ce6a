import { useQueryClient } from "@tanstack/react-query";
import { Alert, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SheetImportDialog } from "../../../components/SheetImportDialog";
import { useLabels } from "../../../lib/labels";
import { importUsers, type UserImportResult } from "../users.api";
import { userKeys } from "../users.queries";

type Row = UserImportResult["rows"][number];

/** Accounts from a workbook; once created, each one's temporary password is shown this once. */
export function UserImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  return (
    <SheetImportDialog<Row, UserImportResult>
      title={t("users.import.title")}
      help={t("users.import.help")}
      templateHref="/api/users/import-template.xlsx"
      testId="users-import"
      upload={async (input) => {
        const answer = await importUsers(input);
        if (input.commit) await qc.invalidateQueries({ queryKey: userKeys.all });
        return answer;
      }}
      onClose={onClose}
      columns={[
        { title: t("users.username"), dataIndex: "username", width: 150 },
        { title: t("users.displayName"), dataIndex: "displayName", width: 190 },
        { title: t("users.unit"), dataIndex: "unitName", width: 220 },
        {
          title: t("users.roles"),
          dataIndex: "roles",
          width: 200,
          render: (roles: Row["roles"]) => roles.map((r) => labels.role(r)).join(", "),
        },
        { title: t("users.email"), dataIndex: "email", width: 190, render: (e: string | null) => e ?? "—" },
      ]}
      result={(r) => (
        <Space orientation="vertical" style={{ width: "100%", textAlign: "start" }}>
          <Typography.Text>{t("users.import.created", { count: r.created ?? 0 })}</Typography.Text>
          <Alert type="warning" showIcon title={t("users.import.passwordsOnce")} />
          <Table
            size="small"
            rowKey="username"
            pagination={false}
            dataSource={r.passwords ?? []}
            data-testid="users-import-passwords"
            columns={[
              { title: t("users.username"), dataIndex: "username" },
              {
                title: t("users.import.password"),
                dataIndex: "password",
                render: (p: string) => (
                  <Typography.Text code copyable>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Text
            copyable={{
              text: (r.passwords ?? []).map((p) => `${p.username}\t${p.password}`).join("\n"),
            }}
          >
            {t("users.import.copy")}
          </Typography.Text>
        </Space>
      )}
    />
  );
}
