import "../../i18n";
import { CloseOutlined } from "@ant-design/icons";
import { Flex, Input, Select, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FOLLOW_UP_AWAITING } from "../../../../../../core/src/follow-up/items";
import { componentLabel } from "../../../../../../core/src/words/indices";
import { ExportXlsxButton } from "../../../../components/ExportXlsxButton";
import { UnitSelect } from "../../../../components/UnitSelect";
import { formatDateVi } from "../../../../lib/dates";
import { useDebouncedValue } from "../../../../lib/useDebouncedValue";
import { useUrlParams } from "../../../plans/useUrlParams";
import { ItemsTable } from "../components/ItemsTable";
import { type ItemFilter, itemsExportPath } from "../items.api";
import { useItemLabels } from "../labels";

/** Two filters a row on a phone (390 px), one after another on a desktop. */
const FIELD = { flex: "1 1 160px", minWidth: 0, maxWidth: 260 } as const;

const KEYS = [
  "kind",
  "state",
  "status",
  "awaiting",
  "unitId",
  "q",
  "inspectionId",
  "dialogueId",
  "findingId",
  "versionCode",
  "componentCode",
  "dueFrom",
  "dueTo",
  "item",
] as const;
/** Filters other pages link with (an inspection's, a dialogue's, a finding's items): shown as a tag to clear. */
const SOURCES = ["inspectionId", "dialogueId", "findingId"] as const;

/**
 * "Việc cần xử lý": every finding's remediation and dialogue's recommendation the person may see,
 * filtered by kind, state, status class by dates, responsible unit (with the units under it) and
 * words, paged and sorted by the server, exported to Excel with the same filters. The filters live in
 * the address, so other pages link here (`?inspectionId=…`, `?item=…` opens one item; the home page's
 * work card `?unitId=…&awaiting=unit&dueFrom=…`, the coverage view `?versionCode=…&componentCode=…`).
 */
export function ItemsPage() {
  const { t, i18n } = useTranslation();
  const labels = useItemLabels();
  const { params, set } = useUrlParams(KEYS);
  const [text, setText] = useState(params.q ?? "");
  const q = useDebouncedValue(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: typing writes the address once it settles
  useEffect(() => {
    if ((params.q ?? "") !== q) set({ q });
  }, [q]);
  const filter: ItemFilter = useMemo(() => {
    const { item: _open, ...rest } = params;
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v)) as ItemFilter;
  }, [params]);
  const source = SOURCES.find((k) => params[k]);

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("followUp.items.filters.search")}
          aria-label={t("followUp.items.filters.search")}
          style={{ flex: "1 1 260px", maxWidth: 360 }}
          data-testid="items-search"
        />
        <Select
          allowClear
          style={FIELD}
          placeholder={t("followUp.items.filters.allKinds")}
          value={params.kind}
          options={labels.kindOptions}
          onChange={(v) => set({ kind: v })}
          aria-label={t("followUp.items.fields.kind")}
          data-testid="items-kind-filter"
        />
        <Select
          allowClear
          style={FIELD}
          placeholder={t("followUp.items.filters.allStates")}
          value={params.state}
          options={labels.stateOptions(params.kind)}
          onChange={(v) => set({ state: v })}
          aria-label={t("followUp.items.fields.state")}
          data-testid="items-state-filter"
        />
        <Select
          allowClear
          style={FIELD}
          placeholder={t("followUp.items.filters.allStatuses")}
          value={params.status}
          options={labels.statusOptions}
          onChange={(v) => set({ status: v })}
          aria-label={t("followUp.items.fields.status")}
          data-testid="items-status-filter"
        />
        <Select
          allowClear
          style={FIELD}
          placeholder={t("followUp.items.filters.allAwaiting")}
          value={params.awaiting}
          options={FOLLOW_UP_AWAITING.map((a) => ({ value: a, label: t(`followUp.items.awaiting.${a}`) }))}
          onChange={(v) => set({ awaiting: v })}
          aria-label={t("followUp.items.fields.awaiting")}
          data-testid="items-awaiting-filter"
        />
        <div style={FIELD}>
          <UnitSelect
            value={params.unitId ?? null}
            onChange={(v) => set({ unitId: v })}
            placeholder={t("followUp.items.filters.allUnits")}
            aria-label={t("followUp.items.fields.unit")}
            data-testid="items-unit-filter"
          />
        </div>
        <ExportXlsxButton path={itemsExportPath} query={filter} testId="items-export-xlsx" />
      </Flex>
      {params.versionCode && params.componentCode ? (
        <Tag
          closable
          closeIcon={<CloseOutlined />}
          onClose={() => set({ versionCode: null, componentCode: null })}
          style={{ marginBottom: 12 }}
          data-testid="items-component-filter"
        >
          {t("followUp.items.filters.component", {
            name: componentLabel(
              { versionCode: params.versionCode, componentCode: params.componentCode },
              i18n.language,
            ),
          })}
        </Tag>
      ) : null}
      {params.dueFrom || params.dueTo ? (
        <Tag
          closable
          closeIcon={<CloseOutlined />}
          onClose={() => set({ dueFrom: null, dueTo: null })}
          style={{ marginBottom: 12 }}
          data-testid="items-due-filter"
        >
          {t("followUp.items.filters.due", {
            from: formatDateVi(params.dueFrom ?? "") || "…",
            to: formatDateVi(params.dueTo ?? "") || "…",
          })}
        </Tag>
      ) : null}
      {source ? (
        <Tag
          closable
          closeIcon={<CloseOutlined />}
          onClose={() => set({ [source]: null })}
          style={{ marginBottom: 12 }}
          data-testid="items-source-filter"
        >
          {t(`followUp.items.filters.${source}`)}
        </Tag>
      ) : null}
      <ItemsTable filter={filter} />
    </>
  );
}
