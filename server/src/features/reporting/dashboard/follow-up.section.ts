/**
 * The consolidated report's section on the follow-up registers, in words and in Word: what the
 * coordinator's dialog starts from (one text per register, computed from the facts) and the section as
 * the report prints it (her text where she wrote one, else the computed one; the tables by unit always
 * from the facts). Figures by the one rule of numbers (core/src/words/numbers.ts): "3 (37,5 %)".
 */
import type { Paragraph, Table } from "docx";
import type { FollowUpTally } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { formatNumber, formatRate } from "../../../../../core/src/words/numbers";
import { grid, para, run } from "../../../app/docx-parts";
import type { FollowUpFacts, UnitTally } from "./follow-up.facts";

/** The three texts the coordinator may rewrite, one per register. */
export const FOLLOW_UP_SECTIONS = ["inspections", "dialogues", "initiatives"] as const;
export type FollowUpSectionKey = (typeof FOLLOW_UP_SECTIONS)[number];
export type FollowUpTexts = Record<FollowUpSectionKey, string>;

const n = (v: number) => formatNumber(v, 0);
/** "3 (37,5 %)": a count and its share of the whole. */
const share = (part: number, whole: number) => `${n(part)} (${formatRate(part, whole)})`;
const day = (iso: string) => formatDateVi(iso);
const NOT_ASSIGNED = "Chưa giao đơn vị xử lý";
const unitName = (u: UnitTally) => u.unitName ?? NOT_ASSIGNED;

/** "Trong kỳ" when the period is the whole cumulative window (a yearly report), else "Lũy kế từ đầu năm". */
const cumulative = (f: FollowUpFacts) =>
  f.window.sinceFrom === f.window.periodFrom ? "Trong kỳ" : "Lũy kế từ đầu năm";

/** The units with overdue work, each with how many: "Xã An Phú (2), Xã Bình Minh (1)". */
const overdueUnits = (units: UnitTally[]) =>
  units.filter((u) => u.tally.overdue > 0).map((u) => `${unitName(u)} (${n(u.tally.overdue)})`);

function inspectionsText(f: FollowUpFacts): string {
  const { held, units, findings } = f.inspections;
  const t = f.remediation.total;
  const lines = [
    held
      ? `Trong kỳ, đã kiểm tra ${n(units)} đơn vị${held !== units ? ` (${n(held)} cuộc kiểm tra)` : ""}, phát hiện ${n(findings)} tồn tại, hạn chế.`
      : "Trong kỳ, không có cuộc kiểm tra nào.",
  ];
  if (!t.total) {
    lines.push(`${cumulative(f)}, không có nội dung nào phải khắc phục.`);
    return lines.join("\n");
  }
  lines.push(
    `${cumulative(f)}, có ${n(t.total)} nội dung phải khắc phục: đã khắc phục đúng hạn ${share(t.doneOnTime, t.total)}, khắc phục sau hạn ${share(t.doneLate, t.total)}, quá hạn chưa khắc phục ${share(t.overdue, t.total)}, đang khắc phục trong hạn ${n(t.open - t.overdue)}.`,
  );
  const late = overdueUnits(f.remediation.byUnit);
  lines.push(
    late.length
      ? `Các đơn vị còn nội dung quá hạn chưa khắc phục (${n(late.length)}): ${late.join(", ")}.`
      : "Không có đơn vị nào quá hạn khắc phục.",
  );
  return lines.join("\n");
}

function dialoguesText(f: FollowUpFacts): string {
  const { held, received } = f.dialogues;
  const r = f.recommendations;
  const t = r.total;
  const lines = [
    held || received
      ? `Trong kỳ, đã tổ chức ${n(held)} cuộc đối thoại, tiếp nhận ${n(received)} kiến nghị.`
      : "Trong kỳ, không tổ chức cuộc đối thoại nào.",
  ];
  if (!t.total) {
    lines.push(`${cumulative(f)}, không có kiến nghị nào phải xử lý.`);
    return lines.join("\n");
  }
  const unassigned = r.unassigned ? ` (trong đó ${n(r.unassigned)} kiến nghị chưa giao đơn vị xử lý)` : "";
  lines.push(
    `${cumulative(f)}, có ${n(t.total)} kiến nghị phải xử lý: đã trả lời đúng hạn ${share(t.doneOnTime, t.total)}, trả lời sau hạn ${share(t.doneLate, t.total)}, quá hạn chưa trả lời ${share(t.overdue, t.total)}, đang xử lý trong hạn ${n(t.open - t.overdue)}${unassigned}; đã công khai kết quả trả lời ${n(r.published)} kiến nghị.`,
  );
  const late = overdueUnits(r.byUnit);
  lines.push(
    late.length
      ? `Các đơn vị còn kiến nghị quá hạn chưa trả lời (${n(late.length)}): ${late.join(", ")}.`
      : "Không có đơn vị nào quá hạn trả lời kiến nghị.",
  );
  return lines.join("\n");
}

function initiativesText(f: FollowUpFacts): string {
  const i = f.initiatives;
  const lines = [
    i.registered
      ? `Năm ${i.year}, các đơn vị đã đăng ký ${n(i.registered)} sáng kiến cải cách hành chính; được công nhận ${n(i.recognised)}, trong đó được nhân rộng ${n(i.replicated)}.`
      : `Năm ${i.year}, chưa có đơn vị nào đăng ký sáng kiến cải cách hành chính.`,
  ];
  if (i.units) {
    lines.push(
      i.withNone.length
        ? `Còn ${n(i.withNone.length)}/${n(i.units)} đơn vị chưa có sáng kiến: ${i.withNone.join(", ")}.`
        : `Tất cả ${n(i.units)} đơn vị đã có sáng kiến.`,
    );
    if (i.unitsShort > i.withNone.length)
      lines.push(`Có ${n(i.unitsShort)}/${n(i.units)} đơn vị chưa đạt số sáng kiến tối thiểu của năm.`);
  }
  return lines.join("\n");
}

/** What the section says unedited: the dialog's starting texts. */
export function followUpTexts(f: FollowUpFacts): FollowUpTexts {
  return { inspections: inspectionsText(f), dialogues: dialoguesText(f), initiatives: initiativesText(f) };
}

/** Per unit: how many to do, done on time, done late, overdue, still within the deadline. */
function unitGrid(units: UnitTally[], what: { total: string; late: string; open: string }) {
  const row = (label: string, t: FollowUpTally, i: string) => [
    i,
    label,
    n(t.total),
    n(t.doneOnTime),
    n(t.doneLate),
    n(t.overdue),
    n(t.open - t.overdue),
  ];
  return grid(
    ["TT", "Đơn vị", what.total, "Đúng hạn", "Sau hạn", what.late, what.open],
    [6, 34, 12, 12, 12, 12, 12],
    units.map((u, i) => row(unitName(u), u.tally, String(i + 1))),
  );
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para([run(l)], { indent: true }));

/**
 * The section as the report prints it, under `heading` ("VI. …"): the windows, then per register the
 * coordinator's text (or the computed one) and its table by unit.
 */
export function followUpSection(
  f: FollowUpFacts,
  heading: string,
  edited?: Partial<FollowUpTexts>,
): Array<Paragraph | Table> {
  const computed = followUpTexts(f);
  const text = (key: FollowUpSectionKey) => (edited?.[key]?.trim() ? edited[key] : computed[key]) as string;
  const w = f.window;
  const windows =
    w.sinceFrom === w.periodFrom
      ? `(Số liệu từ ngày ${day(w.periodFrom)} đến ngày ${day(w.to)}; tình trạng xử lý tính đến ngày ${day(w.today)}.)`
      : `(Số liệu trong kỳ từ ngày ${day(w.periodFrom)} đến ngày ${day(w.to)}; lũy kế từ ngày ${day(w.sinceFrom)}; tình trạng xử lý tính đến ngày ${day(w.today)}.)`;
  const sub = (t: string) => para([run(t, { bold: true, italics: true })]);
  const caption = (t: string) => para([run(t, { italics: true })]);
  const gap = () => para([run("")]);
  return [
    para([run(heading, { bold: true })]),
    para([run(windows, { italics: true })], { indent: true }),
    sub("1. Kiểm tra và khắc phục tồn tại, hạn chế sau kiểm tra"),
    ...lines(text("inspections")),
    ...(f.remediation.byUnit.length
      ? [
          caption("Kết quả khắc phục theo đơn vị"),
          unitGrid(f.remediation.byUnit, {
            total: "Phải khắc phục",
            late: "Quá hạn chưa khắc phục",
            open: "Đang khắc phục trong hạn",
          }),
          gap(),
        ]
      : []),
    sub("2. Đối thoại và giải quyết kiến nghị"),
    ...lines(text("dialogues")),
    ...(f.recommendations.byUnit.length
      ? [
          caption("Kết quả giải quyết kiến nghị theo đơn vị"),
          unitGrid(f.recommendations.byUnit, {
            total: "Phải xử lý",
            late: "Quá hạn chưa trả lời",
            open: "Đang xử lý trong hạn",
          }),
          gap(),
        ]
      : []),
    sub(`3. Sáng kiến cải cách hành chính năm ${f.initiatives.year}`),
    ...lines(text("initiatives")),
  ];
}
