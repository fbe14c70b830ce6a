/**
 * The weight rule of a province's own index, one place for the server (400 on save and publish)
 * and the editor (shown while typing): under every parent whose rule is a weighted mean, and at the
 * top for each kind of subject, the weights of the siblings are all given and add up to 100.
 * Messages are Vietnamese and name the component, so a person can find the row to fix.
 */
import { formatNumber } from "../../words/numbers";
import type { Aggregation } from "../definitions/types";
import type { SubjectKind } from "./ddci";

export const SUBJECT_KIND_LABELS_VI: Record<SubjectKind, string> = {
  department: "sở, ban, ngành",
  commune: "xã, phường",
};

export interface WeightedComponent {
  code: string;
  parentCode: string | null;
  nameVi: string;
  weight: number | null;
  aggregation: Aggregation | null;
  subjectKind?: SubjectKind | null;
}

/** Weights are entered with at most two decimals; a sum within this of 100 is 100. */
const TOLERANCE = 0.005;

function siblingProblems(siblings: WeightedComponent[], where: string): string[] {
  const missing = siblings.filter((c) => c.weight === null);
  if (missing.length)
    return missing.map((c) => `“${c.nameVi}” chưa có trọng số (${where} được tính bình quân có trọng số).`);
  const sum = siblings.reduce((s, c) => s + (c.weight ?? 0), 0);
  return Math.abs(sum - 100) > TOLERANCE
    ? [`Trọng số ${where} cộng lại ${formatNumber(sum, 2)}, phải bằng 100.`]
    : [];
}

/**
 * Every breach of the weight rule, in the order of the tree. `subjectsAreUnits`: the index rates
 * departments and communes, so each top-level component says which, and each kind sums to 100.
 */
export function weightProblems(input: {
  totalAggregation: Aggregation;
  subjectsAreUnits: boolean;
  components: readonly WeightedComponent[];
}): string[] {
  const problems: string[] = [];
  const top = input.components.filter((c) => c.parentCode === null);
  if (input.subjectsAreUnits) {
    for (const c of top)
      if (!c.subjectKind)
        problems.push(`“${c.nameVi}”: cần chọn đối tượng chấm điểm (sở, ban, ngành hoặc xã, phường).`);
    if (input.totalAggregation === "weightedMean")
      for (const [kind, label] of Object.entries(SUBJECT_KIND_LABELS_VI)) {
        const group = top.filter((c) => c.subjectKind === kind);
        if (group.length) problems.push(...siblingProblems(group, `các thành phần chấm cho ${label}`));
      }
  } else if (input.totalAggregation === "weightedMean") {
    problems.push(...siblingProblems(top, "các thành phần cấp 1"));
  }
  for (const parent of input.components) {
    if (parent.aggregation !== "weightedMean") continue;
    const children = input.components.filter((c) => c.parentCode === parent.code);
    if (children.length) problems.push(...siblingProblems(children, `các chỉ tiêu của “${parent.nameVi}”`));
  }
  return problems;
}
