import { App } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  ALL_EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  evidenceTypeOfName,
} from "../../../../../core/src/reporting/evidence-rules";
import { useMe } from "../../auth/auth.queries";
import { fileSize as size } from "../../offline/file-size";
import { outcomeOf, QUEUED_FILES_MAX_BYTES, QueueFullError, queueFile } from "../../offline/outbox";
import { useUploadEvidence } from "../reporting.queries";

const ACCEPT = ALL_EVIDENCE_EXTENSIONS.join(",");

/**
 * Choosing an evidence file (a photo on a phone) for one entry or the whole report, wherever the
 * button is (the evidence block, a compact row): refused on the device when of the wrong type or too
 * large, uploaded, or kept on the device when there is no connection and sent when it returns.
 */
export function useEvidencePicker({ reportId, entryId }: { reportId: string; entryId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadEvidence();
  const input = useRef<HTMLInputElement>(null);
  const userId = useMe().data?.user.id ?? null;

  // A photo taken without a connection waits on the device (up to a cap) and goes when it returns.
  const keep = async (file: File) => {
    if (!userId) return;
    try {
      await queueFile({
        userId,
        reportId,
        entryId,
        name: file.name,
        type: file.type,
        size: file.size,
        blob: file,
      });
      message.warning(t("reporting.evidence.queued", { name: file.name }), 6);
    } catch (e) {
      message.error(
        e instanceof QueueFullError
          ? t("reporting.evidence.queueFull", { limit: size(QUEUED_FILES_MAX_BYTES) })
          : (e as Error).message,
        8,
      );
    }
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = "";
    // Refused here, on the device, before anything is sent or queued.
    if (!evidenceTypeOfName(file.name)) {
      message.error(
        t("reporting.evidence.wrongType", { name: file.name, types: ALL_EVIDENCE_EXTENSIONS.join(", ") }),
        8,
      );
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      message.error(t("reporting.evidence.tooLarge", { name: file.name }), 8);
      return;
    }
    if (!navigator.onLine) {
      void keep(file);
      return;
    }
    upload.mutate(
      { id: reportId, file, entryId },
      {
        onSuccess: () => message.success(t("reporting.evidence.uploaded", { name: file.name })),
        onError: (e) => (outcomeOf(e) === "offline" ? void keep(file) : message.error(e.message)),
      },
    );
  };

  const fileInput = (testId: string) => (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      data-testid={testId}
      aria-label={t("reporting.evidence.upload")}
      onChange={(e) => onFile(e.target.files?.[0])}
    />
  );
  return { fileInput, open: () => input.current?.click(), uploading: upload.isPending };
}
