import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SaveState } from "../useAutosave";

/**
 * "Đang lưu…", "Đã lưu", "Chưa gửi lên máy chủ" (kept on this device until the connection returns):
 * what autosave is doing, announced politely to screen readers.
 */
export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const content =
    state === "saving" ? (
      <>
        <LoadingOutlined /> {t("reporting.save.saving")}
      </>
    ) : state === "dirty" ? (
      t("reporting.save.dirty")
    ) : state === "saved" ? (
      <>
        <CheckCircleOutlined /> {t("reporting.save.saved")}
      </>
    ) : state === "offline" ? (
      <Typography.Text type="warning">
        <CloudUploadOutlined /> {t("reporting.save.offline")}
      </Typography.Text>
    ) : state === "refused" ? (
      <Typography.Text type="danger">
        <StopOutlined /> {t("reporting.save.refused")}
      </Typography.Text>
    ) : state === "error" ? (
      <Typography.Text type="danger">
        <ExclamationCircleOutlined /> {t("reporting.save.error")}
      </Typography.Text>
    ) : null;
  return (
    <span
      role="status"
      aria-live="polite"
      className="report-save"
      data-testid="save-state"
      data-state={state}
    >
      <Typography.Text type="secondary">{content}</Typography.Text>
    </span>
  );
}
