import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";

/** Downloads the server's XLSX (same-origin, the session cookie goes with it). */
export function ExportButton({
  href,
  disabled,
  testId,
}: {
  href: string;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<DownloadOutlined />}
      href={disabled ? undefined : href}
      disabled={disabled}
      data-testid={testId}
    >
      {t("indices.exportXlsx")}
    </Button>
  );
}
