/**
 * Targets written as sentences in a plan's objectives: "Chỉ số PAR … tăng 10 bậc", "điểm số PCI đạt trên
 * 68,5 điểm, xếp vị trí 10-15/63 …, 03/14 tỉnh Vùng …", "đạt từ 85% trở lên", "nằm trong nhóm 10 tỉnh,
 * thành phố đứng đầu". Linked to the index the sentence names (or the one the section is about), and to a
 * component when the sentence names one. Patterns look around letters with \p{L}, never \b.
 */
import type { IndexCode } from "../indices/definitions/types";
import { indexNamedIn, indicesNamedIn, matchComponent } from "./components";
import type { ExtractedTarget, ValueRank } from "./model";

const NA = "(?![\\p{L}\\p{N}])";
const num = (s: string) => Number(s.replace(",", "."));

const VALUE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:đạt|trên|từ|tối thiểu|ít nhất)${NA}\\s+(?:(?:từ|trên|tối thiểu|ít nhất)${NA}\\s+)?(\\d+(?:[.,]\\d+)?)\\s*(điểm|%)`,
  "iu",
);
const AT_LEAST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:trên|từ|tối thiểu|ít nhất)${NA}\\s+\\d|trở lên${NA}`,
  "iu",
);
const RANK = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:xếp\\s+)?(?:vị trí|xếp hạng|hạng|thứ)${NA}\\s+(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?(?:\\s*\\/\\s*(\\d{2}))?`,
  "giu",
);
/** "03/14 tỉnh Vùng Bắc Trung bộ": a rank in the region, written without "vị trí". */
const REGIONAL = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{2})\s+tỉnh\s+vùng/iu;
const RANK_CHANGE = new RegExp(`(?<![\\p{L}\\p{N}])tăng\\s+(\\d{1,2})\\s+(?:bậc|hạng|vị trí)${NA}`, "iu");
const GROUP = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:nằm\\s+)?trong\\s+nhóm${NA}\\s+(.+?)(?=\\s+theo${NA}|[;.]|,\\s*(?:xếp|vị trí|\\d{1,2}\\s*\\/)|\\s+và\\s+vị trí|$)`,
  "iu",
);
const COMPONENT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:chỉ số thành phần|chỉ số nội dung|tiêu chí thành phần|lĩnh vực)${NA}\\s+["“]?([^,;.“”"()]{3,80}?)["”]?(?=\\s+(?:của|đạt|tăng|duy trì|giữ vững|xếp|nằm)${NA}|\\s*[,;.(]|$)`,
  "iu",
);
const NAME = new RegExp(`(Chỉ số\\s+[^,(]{2,60}?)(?=\\s*\\(|\\s+(?:của|năm|đạt|tăng|duy trì|xếp)${NA})`, "u");

/** The target a sentence states, or null when it states no figure, rank or group. */
export function targetInSentence(
  text: string,
  source: string,
  sectionIndex: IndexCode | null,
): ExtractedTarget | null {
  const indices = indicesNamedIn(text);
  if (!indices.length) return null;
  const index = indexNamedIn(text) ?? sectionIndex;
  if (!index) return null;
  const value = VALUE.exec(text);
  const change = RANK_CHANGE.exec(text);
  const group = GROUP.exec(text);
  let rank: RegExpExecArray | null = null;
  let regional: { rank: number; of: number } | null = null;
  for (const m of text.matchAll(RANK)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
    const isRegional = /vùng/iu.test(after) || (m[3] !== undefined && Number(m[3]) < 60);
    if (isRegional) regional ??= { rank: Number(m[1]), of: Number(m[3] ?? 0) };
    else rank ??= m as RegExpExecArray;
  }
  const bare = REGIONAL.exec(text);
  if (!regional && bare) regional = { rank: Number(bare[1]), of: Number(bare[2]) };
  if (!value && !change && !group && !rank && !regional) return null;

  // A component counts only when the words name one ("chỉ số thành phần cụ thể như sau" names none).
  const words = COMPONENT.exec(text);
  const component = words ? matchComponent(words[1], index) : null;
  const named = component ? words : null;
  const target: ValueRank = {
    text: text.trim(),
    value: value ? num(value[1]) : null,
    rank: rank ? Number(rank[1]) : null,
    rankOf: rank?.[3] ? Number(rank[3]) : null,
    ...(value ? { unit: value[2] === "%" ? "%" : "điểm", atLeast: AT_LEAST.test(text) } : {}),
    ...(rank?.[2] ? { rankTo: Number(rank[2]) } : {}),
    ...(change ? { rankChange: Number(change[1]) } : {}),
    ...(group ? { group: group[1].trim() } : {}),
    ...(group && /^\d{1,2}(?!\d)/.test(group[1])
      ? { groupSize: Number(/^\d{1,2}/.exec(group[1])?.[0]) }
      : {}),
    ...(regional ? { regionalRank: regional.rank, regionalOf: regional.of || null } : {}),
  };
  return {
    component: named ? named[1].trim() : (NAME.exec(text)?.[1] ?? index).trim(),
    resolved: component?.resolved ?? index,
    baseline: null,
    target,
    source,
    confidence: 0.7,
    flags: ["Chỉ tiêu viết thành câu; kiểm tra giá trị, thứ hạng và năm gốc."],
  };
}
