import type { Database } from "../../server/src/app/db";
import { progress } from "../log";
import type { ScaleName } from "./scales";

/**
 * The follow-up registers at the volumes (issue 17; national: 200,000 findings, 50,000
 * initiatives, 500,000 recommendations; a province about a thirty-fourth), as set-based INSERT … SELECT
 * over the generated units. States, deadlines and completion days are drawn from a hash of each row's
 * key, so every run writes the same data: about half the work accepted (on time or late), the rest
 * reported, returned, open (some overdue on the reference day 2026-11-20) or closed.
 */
const VOLUMES: Record<
  ScaleName,
  { findingsPerInspection: number; recommendationsPerDialogue: number; initiativesPerUnit: number }
> = {
  province: { findingsPerInspection: 25, recommendationsPerDialogue: 110, initiativesPerUnit: 10 },
  national: { findingsPerInspection: 25, recommendationsPerDialogue: 150, initiativesPerUnit: 14 },
};

/** A state and its days from h in [0, 100): the same mix for remediation and recommendations. */
const STATE_SQL = (h: string) => `case when ${h} < 50 then 'accepted' when ${h} < 65 then 'reported'
  when ${h} < 70 then 'returned' when ${h} < 95 then 'open' else 'closed' end`;

export async function insertFollowUp({ database, scale }: { database: Database; scale: ScaleName }) {
  const started = Date.now();
  const v = VOLUMES[scale];
  // Each province's coordinating unit inspects its departments and communes once a year (2025, 2026).
  await database.query(
    `insert into inspection_plans (province_id, owner_unit_id, year, title, number, scope)
     select p.id, p.id, y, 'Kế hoạch kiểm tra công tác cải cách hành chính năm ' || y, (10 + y % 7) || '/KH-SNV',
       'Các sở, ban, ngành và UBND cấp xã'
     from org_units p cross join (values (2025), (2026)) years(y) where p.kind = 'province'`,
  );
  await database.query(
    `insert into inspections (plan_id, province_id, unit_id, unit_path, starts_on, ends_on, team, scope, state, held_on, conclusion)
     select ip.id, ip.province_id, u.id, u.path, d, d + 1, 'Đoàn kiểm tra ' || ip.number, 'Cải cách thủ tục hành chính',
       'done', d, 'Đơn vị cơ bản thực hiện tốt; còn một số tồn tại, hạn chế cần khắc phục.'
     from inspection_plans ip join org_units u on u.province_id = ip.province_id and u.kind in ('department', 'commune')
       and u.valid_to is null
     cross join lateral (select make_date(ip.year, 3 + abs(hashtext(u.id::text || ip.year)) % 8, 1
       + abs(hashtext(ip.year || u.id::text)) % 27) as d) x`,
  );
  await database.query(
    `insert into inspection_findings (inspection_id, position, content, severity)
     select i.id, n, 'Tồn tại số ' || n || ': hồ sơ thủ tục hành chính tiếp nhận chưa được số hóa đầy đủ',
       (array['low', 'medium', 'high'])[1 + abs(hashtext(i.id::text || n)) % 3]
     from inspections i cross join generate_series(1, $1::int) n`,
    [v.findingsPerInspection],
  );
  await database.query(
    `insert into follow_up_items (kind, province_id, finding_id, follower_unit_id, follower_unit_path, unit_id, unit_path,
       arose_on, content, required_result, due_date, state, answer, reported_on, done_on, search_text)
     select 'remediation', i.province_id, f.id, ip.owner_unit_id, o.path, i.unit_id, i.unit_path, i.held_on,
       f.content, 'Khắc phục và báo cáo kết quả bằng văn bản', i.held_on + 60,
       s.state, case when s.state in ('accepted', 'reported', 'returned') then 'Đã khắc phục' else '' end,
       case when s.state in ('accepted', 'reported', 'returned') then i.held_on + 30 + h.h end,
       case when s.state = 'accepted' then i.held_on + 30 + h.h end,
       'ton tai ho so thu tuc hanh chinh so hoa'
     from inspection_findings f join inspections i on i.id = f.inspection_id
     join inspection_plans ip on ip.id = i.plan_id join org_units o on o.id = ip.owner_unit_id
     cross join lateral (select abs(hashtext(f.id::text)) % 100 as h) h
     cross join lateral (select ${STATE_SQL("h.h")} as state) s`,
  );
  // Dialogues: the province twice a year, and each commune once (2026), each with its recommendations.
  await database.query(
    `insert into dialogues (province_id, host_unit_id, host_unit_path, held_on, kind, title, chair, participant_count)
     select u.province_id, u.id, u.path, make_date(2026, m, 15),
       case when u.kind = 'province' then 'businesses' else 'citizens' end,
       'Hội nghị đối thoại ' || case when u.kind = 'province' then 'với doanh nghiệp' else 'với Nhân dân' end || ' tháng ' || m,
       'Chủ tịch UBND', 80
     from org_units u cross join (values (4), (10)) months(m)
     where u.valid_to is null and (u.kind = 'province' or (u.kind = 'commune' and m = 4))`,
  );
  await database.query(
    `insert into follow_up_items (kind, province_id, dialogue_id, follower_unit_id, follower_unit_path, unit_id, unit_path,
       arose_on, content, raiser_kind, raiser_name, anonymous, field, due_date, state, answer, reported_on, done_on,
       published, search_text)
     select 'recommendation', d.province_id, d.id, d.host_unit_id, d.host_unit_path,
       case when s.state = 'received' then null else r.id end, case when s.state = 'received' then null else r.path end,
       d.held_on, 'Kiến nghị số ' || n || ': rút ngắn thời gian giải quyết thủ tục đất đai', 'business',
       'Công ty TNHH ' || n, h.h % 10 = 0, 'Đất đai', d.held_on + 30, s.state,
       case when s.state in ('accepted', 'reported', 'returned') then 'Đã trả lời' else '' end,
       case when s.state in ('accepted', 'reported', 'returned') then d.held_on + 10 + h.h / 2 end,
       case when s.state = 'accepted' then d.held_on + 10 + h.h / 2 end,
       s.state = 'accepted' and h.h % 3 = 0, 'kien nghi rut ngan thoi gian giai quyet thu tuc dat dai'
     from dialogues d cross join generate_series(1, $1::int) n
     cross join lateral (select abs(hashtext(d.id::text || n)) % 100 as h) h
     cross join lateral (select case when h.h >= 97 then 'received' else ${STATE_SQL("h.h")} end as state) s
     cross join lateral (select u.id, u.path from org_units u where u.province_id = d.province_id
       and u.kind = 'department' and u.valid_to is null
       order by abs(hashtext(u.id::text || d.id::text || n)) limit 1) r`,
    [v.recommendationsPerDialogue],
  );
  await database.query(
    `insert into initiatives (province_id, unit_id, unit_path, year, title, problem, solution, field, expected_result,
       state, search_text)
     select u.province_id, u.id, u.path, 2024 + n % 3, 'Sáng kiến số ' || n || ' của ' || u.name,
       'Thủ tục còn nhiều bước', 'Số hóa và liên thông hồ sơ', 'Cải cách thủ tục hành chính', 'Giảm 30% thời gian',
       (array['proposed', 'recognised', 'notRecognised', 'replicated'])[1 + abs(hashtext(u.id::text || n)) % 4],
       'sang kien so hoa lien thong ho so'
     from org_units u cross join generate_series(1, $1::int) n
     where u.valid_to is null and u.kind in ('department', 'commune')
       and abs(hashtext(u.id::text)) % 10 <> 0`,
    [v.initiativesPerUnit],
  );
  await database.query(
    "vacuum analyze inspection_plans, inspections, inspection_findings, dialogues, follow_up_items, initiatives",
  );
  const [counts] = await database.query<{ findings: number; recs: number; initiatives: number }>(
    `select (select count(*) from inspection_findings)::int as findings,
       (select count(*) from follow_up_items where kind = 'recommendation')::int as recs,
       (select count(*) from initiatives)::int as initiatives`,
  );
  progress(
    `generated follow-up: ${counts.findings} findings, ${counts.recs} recommendations, ${counts.initiatives} initiatives in ${Date.now() - started} ms`,
  );
}
