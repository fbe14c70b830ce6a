import { Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  multiline?: boolean;
  placeholder?: string;
  label: string;
  testId?: string;
};

/** A grid cell: read as text, edited in place on click or Enter; Escape cancels, blur keeps. */
export function EditableText({ value, onChange, disabled, multiline, placeholder, label, testId }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (disabled) return <span style={{ whiteSpace: "pre-wrap" }}>{value}</span>;
  if (!editing)
    return (
      // biome-ignore lint/a11y/useSemanticElements: a cell that turns into an input; a button would not wrap text
      <div
        className="cell-edit"
        role="button"
        tabIndex={0}
        aria-label={`${label}: ${value || t("plans.grid.empty")}`}
        data-testid={testId}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === "F2") {
            e.preventDefault();
            setDraft(value);
            setEditing(true);
          }
        }}
      >
        {value || <Typography.Text type="secondary">{placeholder ?? "—"}</Typography.Text>}
      </div>
    );
  const commit = () => {
    setEditing(false);
    if (draft !== value) onChange(draft);
  };
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      setEditing(false);
    } else if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };
  return multiline ? (
    <Input.TextArea
      autoFocus
      autoSize={{ minRows: 2, maxRows: 10 }}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={keys}
      aria-label={label}
      data-testid={testId ? `${testId}-input` : undefined}
    />
  ) : (
    <Input
      autoFocus
      size="small"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={keys}
      aria-label={label}
      data-testid={testId ? `${testId}-input` : undefined}
    />
  );
}
