/**
 * Core's `periodName` (core/src/words/periods.ts, Vietnamese, no title) as one SQL expression, for the
 * reminder notices the database writes in one statement. The only SQL form of the rule:
 * `period-name.sql.test.ts` checks it against core for every kind of period.
 */
import { type SQL, sql } from "drizzle-orm";

export function periodNameSql(p: { key: SQL; start: SQL; end: SQL }): SQL {
  const year = sql`extract(year from ${p.start})::int::text`;
  return sql`(case
    when ${p.key} = 'AH' then 'Đột xuất (đến ' || to_char(${p.end}, 'DD/MM/YYYY') || ')'
    when ${p.key} like '%-M%' then 'Tháng ' || extract(month from ${p.start})::int::text || '/' || ${year}
    when ${p.key} like '%-Q%' then 'Quý ' || (array['I', 'II', 'III', 'IV'])[extract(quarter from ${p.start})::int] || '/' || ${year}
    when ${p.key} like '%-H1' then '6 tháng đầu năm ' || ${year}
    when ${p.key} like '%-H2' then '6 tháng cuối năm ' || ${year}
    else 'Năm ' || ${year} end)`;
}
