import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";

type Props = { error: Error | null; onRetry?: () => void };

/** The server's own Vietnamese message, shown as is, with a retry. */
export function QueryErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
