/**
 * The rules of a finding, shared by the record form, findings added later and the Excel import: the
 * component is one of an index version that exists and the plan's province may use; the responsible
 * unit is a unit of the plan's province, working on the day of the inspection (the inspected unit
 * when none is named); the deadline is not before the inspection (core's `deadlineProblem`).
 * Problems are answered per field, so the import can list them by row and column.
 */
import type { z } from "zod";
import type { findingInput } from "../../../../../core/src/api/follow-up-inspections.schemas";
import type { FindingSeverity } from "../../../../../core/src/follow-up/inspections";
import { deadlineProblem } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { DbOrTx } from "../../../app/db";
import { badRequest } from "../../../app/errors";
import { createIndicesRepository } from "../../indices/indices.repository";
import { loadVersion, type StoredVersion } from "../../indices/indices.versions";
import { createOrgUnitsRepository, type OrgUnitRow } from "../../org-units/org-units.repository";

export type FindingInput = z.infer<typeof findingInput>;
export type FindingField = "content" | "severity" | "component" | "unit" | "dueDate" | "requiredResult";
export type FindingProblem = { field: FindingField; message: string };

export interface ResolvedFinding {
  content: string;
  severity: FindingSeverity;
  versionCode: string | null;
  componentCode: string | null;
  componentName: string | null;
  unit: { id: string; path: string; name: string };
  dueDate: string;
  requiredResult: string;
}

/**
 * Checks findings of one plan's inspection, remembering the versions and units it has read. A
 * component of another province's own index (DDCI) is "not found", as it is everywhere else.
 */
export function createFindingChecker(db: DbOrTx, provinceId: string) {
  const versions = new Map<string, Promise<StoredVersion | null>>();
  const units = new Map<string, Promise<OrgUnitRow | null>>();

  const usableVersion = (code: string) => {
    let known = versions.get(code);
    if (!known) {
      known = (async () => {
        const repo = createIndicesRepository(db);
        const row = await repo.findVersion(code);
        if (row?.status !== "published") return null;
        const definition = await repo.findDefinition(row.indexCode);
        if (!definition || (definition.ownerUnitId !== null && definition.ownerUnitId !== provinceId))
          return null;
        return loadVersion(db, code);
      })();
      versions.set(code, known);
    }
    return known;
  };
  const unitOf = (id: string) => {
    let known = units.get(id);
    if (!known) {
      known = createOrgUnitsRepository(db).findById(id);
      units.set(id, known);
    }
    return known;
  };

  /** The component named, or a problem. */
  type Checked<T> = { value: T } | { problem: string };

  async function component(
    versionCode: string | null,
    componentCode: string | null,
  ): Promise<Checked<{ versionCode: string; componentCode: string; name: string } | null>> {
    if (!versionCode || !componentCode) return { value: null };
    const version = await usableVersion(versionCode);
    if (!version) return { problem: `không có phiên bản bộ chỉ số “${versionCode}”.` };
    const found = version.components.find((c) => c.code === componentCode);
    if (!found) return { problem: `không có chỉ số thành phần “${componentCode}” trong ${versionCode}.` };
    return { value: { versionCode, componentCode, name: found.nameVi } };
  }

  /** The responsible unit, or a problem (a unit of another province is not named). */
  async function unit(id: string, heldOn: string): Promise<Checked<ResolvedFinding["unit"]>> {
    const row = await unitOf(id);
    if (!row || row.provinceId !== provinceId)
      return { problem: "đơn vị khắc phục không thuộc tỉnh, thành phố của kế hoạch." };
    if (row.validTo && row.validTo < heldOn)
      return { problem: `đơn vị “${row.name}” đã thôi hoạt động từ ${formatDateVi(row.validTo)}.` };
    return { value: { id: row.id, path: row.path, name: row.name } };
  }

  /** Checks one finding of an inspection held on `heldOn`; `inspectedUnitId` answers for a blank unit. */
  async function check(
    input: FindingInput,
    { heldOn, inspectedUnitId }: { heldOn: string; inspectedUnitId: string },
  ): Promise<{ value: ResolvedFinding } | { problems: FindingProblem[] }> {
    const problems: FindingProblem[] = [];
    const comp = await component(input.versionCode, input.componentCode);
    if ("problem" in comp) problems.push({ field: "component", message: comp.problem });
    const responsible = await unit(input.remediation.unitId ?? inspectedUnitId, heldOn);
    if ("problem" in responsible) problems.push({ field: "unit", message: responsible.problem });
    const late = deadlineProblem(input.remediation.dueDate, heldOn);
    if (late) problems.push({ field: "dueDate", message: late });
    if (problems.length || !("value" in responsible) || !("value" in comp)) return { problems };
    return {
      value: {
        content: input.content,
        severity: input.severity,
        versionCode: comp.value?.versionCode ?? null,
        componentCode: comp.value?.componentCode ?? null,
        componentName: comp.value?.name ?? null,
        unit: responsible.value,
        dueDate: input.remediation.dueDate,
        requiredResult: input.remediation.requiredResult,
      },
    };
  }

  /** Checks every finding; the first problem refuses them all (400), naming the finding by its place. */
  async function checkAll(
    inputs: FindingInput[],
    context: { heldOn: string; inspectedUnitId: string; firstNumber?: number },
  ): Promise<ResolvedFinding[]> {
    const out: ResolvedFinding[] = [];
    for (const [i, input] of inputs.entries()) {
      const result = await check(input, context);
      if ("problems" in result) {
        const n = (context.firstNumber ?? 1) + i;
        throw badRequest("inspection.finding", `Tồn tại, hạn chế thứ ${n}: ${result.problems[0].message}`, {
          index: i,
          problems: result.problems,
        });
      }
      out.push(result.value);
    }
    return out;
  }

  return { check, checkAll, component };
}
