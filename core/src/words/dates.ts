/**
 * Dates in the words of administrative documents (Decree 30/2020/NĐ-CP, Appendix I, part I.6): "ngày
 * … tháng … năm …", where days below 10 and the months 1 and 2 take a leading zero and no other
 * figure does: "ngày 05 tháng 3 năm 2026", "ngày 15 tháng 01 năm 2026", "ngày 20 tháng 12 năm 2026".
 * (The zero keeps "ngày 1" from becoming "ngày 10" by a stroke, and "tháng 1" from "tháng 11".)
 */
import type { IsoDate } from "../deadlines/deadline.types";

export function decree30Day(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function decree30Month(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "ngày 05 tháng 3 năm 2026" from "2026-03-05"; with a place: "Gia Lai, ngày 05 tháng 3 năm 2026". */
export function decree30Date(iso: IsoDate, place?: string | null): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const text = `ngày ${decree30Day(d)} tháng ${decree30Month(m)} năm ${y}`;
  return place ? `${place}, ${text}` : text;
}
