import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { type Query, withQuery } from "../lib/api-client";

/**
 * "Xuất Excel" of a list: a plain link to the list's export with the filters on screen, so the
 * browser downloads the file itself (the server sends every row the filters match, not the page).
 */
export function ExportXlsxButton({ path, query, testId }: { path: string; query?: Query; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<FileExcelOutlined />} href={withQuery(path, query)} data-testid={testId}>
      {t("common.exportXlsx")}
    </Button>
  );
}
