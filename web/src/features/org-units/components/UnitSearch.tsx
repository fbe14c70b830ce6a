import { SearchOutlined } from "@ant-design/icons";
import { Empty, Input, List, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryErrorAlert } from "../../../components/QueryErrorAlert";
import { formatDateVi } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { useDebouncedValue } from "../../../lib/useDebouncedValue";
import { useOrgUnitSearch } from "../org-units.queries";

type Props = { onSelect: (id: string) => void };

/** Search by name, without diacritics or by abbreviation; the server ranks results. */
export function UnitSearch({ onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const search = useOrgUnitSearch({ q, includeHistorical: true, limit: 20 }, q.length > 0);

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t("directory.searchPlaceholder")}
        aria-label={t("directory.searchLabel")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="unit-search"
      />
      {q ? (
        <div className="search-results" aria-live="polite">
          <QueryErrorAlert error={search.error} />
          <List
            size="small"
            loading={search.isFetching}
            dataSource={search.data ?? []}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("directory.noResults")} />
              ),
            }}
            renderItem={(u) => (
              <List.Item
                className="search-result"
                role="button"
                tabIndex={0}
                data-testid="unit-search-result"
                onClick={() => onSelect(u.id)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onSelect(u.id);
                  }
                }}
              >
                <span>
                  <Typography.Text strong={u.active} type={u.active ? undefined : "secondary"}>
                    {u.name}
                  </Typography.Text>
                  {u.shortName ? <Typography.Text type="secondary"> ({u.shortName})</Typography.Text> : null}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.unitKind(u.kind)}
                  </Typography.Text>
                  {u.active ? null : (
                    <>
                      <Tag style={{ marginInlineStart: 6 }}>{t("directory.historicalTag")}</Tag>
                      {/* Old units often share a name with today's one (two provinces' Sở Nội vụ): the dates tell them apart. */}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateVi(u.validFrom) || "…"} – {formatDateVi(u.validTo) || "…"}
                      </Typography.Text>
                    </>
                  )}
                </span>
              </List.Item>
            )}
          />
        </div>
      ) : null}
    </div>
  );
}
