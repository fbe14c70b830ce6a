import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../lib/useDebouncedValue";
import { useUsers } from "../../users/users.queries";

type Props = { value?: string; onChange: (id: string | undefined) => void; style?: React.CSSProperties };

/** Picks a user by name or user name, searched on the server. */
export function UserPicker({ value, onChange, style }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const users = useUsers({ q: q || undefined, pageSize: 20, page: 1, sort: "displayName", order: "asc" });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t("audit.filterActor")}
      aria-label={t("audit.filterActor")}
      value={value}
      onChange={(v?: string) => onChange(v ?? undefined)}
      loading={users.isFetching}
      options={(users.data?.users ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.username})`,
      }))}
      notFoundContent={t("common.noData")}
      style={style}
    />
  );
}
