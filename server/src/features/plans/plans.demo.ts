/**
 * The demo province's plan, issued, so the product shows assignments at first start. Its task table
 * follows seed 003's Appendix 2 (Bình Định 107/KH-UBND): sections by index, real phrasing, leads that
 * are units and groups ("Các sở, ban, ngành", "UBND các xã, phường"), deadlines as written; units are
 * today's Gia Lai departments (after the 2025 mergers). Its dates are relative to today (the issue
 * five months ago, deadlines before and after today), so the demo never ages into "all overdue".
 */
import { randomUUID } from "node:crypto";
import { systemActor } from "../../app/actor";
import { provinceToday } from "../../app/clock";
import type { Database } from "../../app/db";
import { type DemoCalendar, demoCalendar } from "../demo/demo.calendar";
import { ensureIndexCatalog } from "../indices/indices.catalog";
import { createOrgGroupsRepository } from "../org-units/org-units.repository";
import { issueLoaded } from "./issue/issue.service";
import { createPlansRepository } from "./plans.repository";
import { buildTargetRows, planSearchText } from "./plans.service";
import { applyTaskRows } from "./tasks/tasks.service";

type Who = { unit: string } | { group: string };
interface DemoTask {
  content: string;
  leads: Who[];
  coordinators?: Who[];
  output?: string;
  deadline: string;
  note?: string;
  components?: Array<[string, string]>;
}
interface DemoSection {
  title: string;
  tasks: DemoTask[];
}

const SO_NGANH = { group: "Các sở, ban, ngành" };
const XA_PHUONG = { group: "UBND các xã, phường" };
const ALL = { group: "Các cơ quan, đơn vị, địa phương" };
const u = (unit: string) => ({ unit });

/**
 * The plan's sections, dated relative to today (`c`): deadlines written as the plan writes them fall
 * before and after today, so the demo shows work overdue, done, and still within its time.
 */
export const demoPlanSections = (c: DemoCalendar): DemoSection[] => [
  {
    title: "NHÓM NHIỆM VỤ CHUNG",
    tasks: [
      {
        content: `Ban hành kế hoạch và phổ biến, quán triệt kế hoạch thực hiện cải thiện, nâng cao các chỉ số về cải cách hành chính (PCI, PAPI, SIPAS, PAR INDEX) năm ${c.year} cho đội ngũ cán bộ, công chức, viên chức của đơn vị.`,
        leads: [SO_NGANH, XA_PHUONG],
        coordinators: [u("gl-snv"), u("gl-stc")],
        output: "Kế hoạch của đơn vị; các hội nghị phổ biến, quán triệt.",
        deadline: c.before(-100),
      },
      {
        content:
          "Chỉ đạo, định hướng thông tin, tuyên truyền những kết quả đạt được liên quan các chỉ số về cải cách hành chính; đẩy mạnh thông tin, tuyên truyền về cải cách hành chính và chuyển đổi số trên địa bàn tỉnh.",
        leads: [u("gl-skhcn"), u("gl-vp")],
        coordinators: [SO_NGANH],
        output: "Họp báo định kỳ hằng quý; tin, bài trên Cổng thông tin điện tử tỉnh.",
        deadline: "Thường xuyên",
        note: "Báo cáo kết quả hằng quý",
      },
      {
        content:
          "Tăng cường kiểm tra công vụ; thanh tra, phòng, chống tham nhũng, tiêu cực vào các lĩnh vực dễ phát sinh vi phạm, được dư luận xã hội quan tâm.",
        leads: [u("gl-snv"), u("gl-ttr")],
        coordinators: [SO_NGANH, XA_PHUONG],
        output: "Kết luận kiểm tra; xử lý nghiêm các trường hợp nhũng nhiễu, gây phiền hà.",
        deadline: `${c.month(-1)} và ${c.month(6)}`,
        components: [["PAPI-2021", "D4"]],
      },
    ],
  },
  {
    title: "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)",
    tasks: [
      {
        content:
          "Tham mưu Ủy ban nhân dân tỉnh ban hành phương án đơn giản hóa, cải tiến quy trình, rút ngắn thời gian đăng ký thành lập, thay đổi, bổ sung đăng ký kinh doanh, cấp Giấy chứng nhận đăng ký đầu tư.",
        leads: [u("gl-stc")],
        coordinators: [SO_NGANH],
        output:
          "Tỷ lệ đăng ký kinh doanh trực tuyến đạt trên 40% hồ sơ; giải quyết đúng thời hạn 100% hồ sơ đăng ký.",
        deadline: "Thường xuyên",
        components: [["PCI-2022", "ENTRY"]],
      },
      {
        content:
          "Rà soát, cải tiến các thủ tục và quy trình giải quyết thủ tục hành chính liên quan đến giao đất, cho thuê đất; cắt giảm thời gian giải quyết thủ tục hành chính về đất đai.",
        leads: [u("gl-snnmt")],
        coordinators: [XA_PHUONG],
        output: "Kết nối liên thông và cung cấp dịch vụ công trực tuyến toàn trình về đất đai.",
        deadline: c.quarter(1),
        components: [["PCI-2022", "LAND"]],
      },
      {
        content:
          "Cung cấp và công khai kịp thời thông tin về quy hoạch, kế hoạch sử dụng đất, kế hoạch đầu tư công, danh mục dự án thu hút đầu tư và các cơ chế, chính sách ưu đãi đầu tư.",
        leads: [u("gl-stc"), u("gl-vp")],
        coordinators: [SO_NGANH, XA_PHUONG],
        output:
          "Thông tin được công khai đầy đủ trên Cổng thông tin điện tử tỉnh và trang của các sở, ngành.",
        deadline: "Thường xuyên",
        components: [["PCI-2022", "TRANSPARENCY"]],
      },
      {
        content:
          "Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân tỉnh với doanh nghiệp để tháo gỡ kịp thời khó khăn, vướng mắc.",
        leads: [u("gl-stc")],
        coordinators: [u("gl-vp"), u("gl-hhdn")],
        output: "Tổ chức từ 02 lần đối thoại trở lên trong năm.",
        deadline: c.month(-2),
        components: [["PCI-2022", "PROACTIVITY"]],
      },
      {
        content:
          "Chỉ đạo các đơn vị trực thuộc thực hiện tốt công tác phòng ngừa, đấu tranh với các loại tội phạm, tạo môi trường an ninh an toàn cho hoạt động của doanh nghiệp.",
        leads: [u("gl-ca")],
        output: "Bảo đảm an ninh trật tự, an toàn phòng cháy, chữa cháy.",
        deadline: "Thường xuyên",
        components: [["PCI-2022", "LEGAL"]],
      },
    ],
  },
  {
    title: "CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG (PAPI)",
    tasks: [
      {
        content:
          "Kiểm tra, hướng dẫn công khai thu, chi ngân sách theo Thông tư số 343/2016/TT-BTC ngày 30 tháng 12 năm 2016 của Bộ Tài chính.",
        leads: [u("gl-stc")],
        coordinators: [XA_PHUONG],
        output: "Thu chi ngân sách cấp xã được công bố công khai.",
        deadline: c.before(60),
        components: [["PAPI-2021", "D2"]],
      },
      {
        content:
          "Tổ chức kiểm tra, đánh giá việc thực hiện trách nhiệm giải trình ở chính quyền cấp cơ sở; kiểm tra công tác xử lý đơn thư khiếu nại, tố cáo của người dân.",
        leads: [u("gl-ttr")],
        coordinators: [u("gl-snv"), u("gl-stp")],
        output: "Kết quả giải quyết đơn thư, khiếu nại, tố cáo.",
        deadline: c.before(-20),
        components: [["PAPI-2021", "D3"]],
      },
      {
        content:
          "Phối hợp giám sát, phản biện xã hội, góp phần nâng cao trách nhiệm giải trình của chính quyền cơ sở đối với người dân.",
        leads: [u("gl-mttq")],
        coordinators: [XA_PHUONG],
        output: "Các cuộc giám sát, đối thoại trực tiếp với người dân.",
        deadline: `Thường xuyên trong năm ${c.year}`,
      },
    ],
  },
  {
    title: "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) VÀ CHỈ SỐ HÀI LÒNG (SIPAS)",
    tasks: [
      {
        content:
          "Đôn đốc các cơ quan, đơn vị, địa phương được kiểm tra công tác cải cách hành chính trong năm báo cáo kết quả khắc phục các tồn tại, hạn chế.",
        leads: [u("gl-snv"), u("gl-vp")],
        coordinators: [ALL],
        output: "100% cơ quan, đơn vị được kiểm tra có báo cáo khắc phục.",
        deadline: c.month(-1),
        components: [["PAR_INDEX-2022", "PAR1"]],
      },
      {
        content:
          "Đăng ký sáng kiến mới, giải pháp, biện pháp cải tiến đẩy mạnh thực hiện công tác cải cách hành chính trên các lĩnh vực.",
        leads: [SO_NGANH, XA_PHUONG],
        coordinators: [u("gl-snv")],
        output: "Có từ 03 sáng kiến, giải pháp trở lên được công nhận.",
        deadline: c.before(120),
        components: [["PAR_INDEX-2022", "PAR1"]],
      },
      {
        content:
          "Công khai tiến độ, kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính; niêm yết công khai đường dây nóng tiếp nhận phản ánh, kiến nghị.",
        leads: [SO_NGANH, XA_PHUONG],
        coordinators: [u("gl-vp")],
        output: "Cập nhật tiến độ, kết quả giải quyết 100% hồ sơ thủ tục hành chính.",
        deadline: "Báo cáo kết quả hằng tháng",
        components: [["PAR_INDEX-2022", "PAR3"]],
      },
      {
        content: "Thực hiện giải quyết hồ sơ thủ tục hành chính toàn trình và thanh toán trực tuyến.",
        leads: [SO_NGANH, XA_PHUONG],
        coordinators: [u("gl-vp")],
        output: "Đạt 40% hồ sơ giải quyết trực tuyến toàn trình trên tổng số hồ sơ.",
        deadline: `Trong năm ${c.year}`,
        components: [["PAR_INDEX-2022", "PAR7"]],
      },
      {
        content: "Rà soát, sắp xếp, giảm số lượng đơn vị sự nghiệp công lập trên địa bàn tỉnh.",
        leads: [u("gl-snv")],
        coordinators: [SO_NGANH],
        output: "Đề án sắp xếp đơn vị sự nghiệp công lập được phê duyệt.",
        deadline: "Theo Kế hoạch",
        components: [["PAR_INDEX-2022", "PAR4"]],
      },
    ],
  },
];

/**
 * Seeds and issues the demo plan for the province whose units `unitIds` maps by key, issued five
 * months before `today` (the province's today by default) with deadlines around it.
 */
export async function seedDemoPlan({
  database,
  unitIds,
  today = provinceToday(),
}: {
  database: Database;
  unitIds: Map<string, string>;
  today?: string;
}) {
  const c = demoCalendar(today);
  const issuedDate = c.planIssued();
  const firstYear = Number(issuedDate.slice(0, 4));
  const db = database.db;
  const actor = systemActor("Dữ liệu mẫu");
  await ensureIndexCatalog({ db });
  const provinceId = unitIds.get("gl");
  if (!provinceId) return null;
  const groups = await createOrgGroupsRepository(db).list(provinceId);
  const who = (w: Who) => {
    if ("group" in w) {
      const g = groups.find((x) => x.name === w.group);
      return g ? { groupId: g.id } : { name: w.group };
    }
    const id = unitIds.get(w.unit);
    return id ? { unitId: id } : { name: w.unit };
  };
  const header = {
    kind: "plan",
    number: "125/KH-UBND",
    issuedDate,
    issuerName: "Ủy ban nhân dân tỉnh Gia Lai",
    place: "Gia Lai",
    signerName: "Phạm Anh Tuấn",
    signerTitle: "CHỦ TỊCH",
    signerAuthority: "TM. ỦY BAN NHÂN DÂN",
    title: `Cải thiện, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh, Chỉ số hiệu quả quản trị và hành chính công, Chỉ số hài lòng và Chỉ số cải cách hành chính tỉnh Gia Lai năm ${firstYear}-${firstYear + 1}`,
  };
  const planId = randomUUID();
  await db.transaction(async (tx) => {
    await createPlansRepository(tx).insert({
      ...header,
      id: planId,
      provinceId,
      ownerUnitId: provinceId,
      status: "draft",
      periodFrom: firstYear,
      periodTo: firstYear + 1,
      legalBases: [
        "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
      ],
      objectives: `Khắc phục những tồn tại, hạn chế đã được chỉ ra qua kết quả đánh giá các chỉ số năm ${firstYear - 1}.\nNâng cao tinh thần, trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương trong cải thiện các chỉ số.`,
      implementation:
        "Định kỳ hằng tháng, các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 05 của tháng sau; lãnh đạo đơn vị duyệt trước khi gửi.",
      recipients: [
        "Văn phòng Chính phủ;",
        "Bộ Nội vụ;",
        "Các sở, ban, ngành;",
        "UBND các xã, phường;",
        "Lưu: VT, KSTT.",
      ],
      searchText: planSearchText(header),
    });
    const plan = (await createPlansRepository(tx).findById(planId))!;
    const rows = demoPlanSections(c).flatMap((s, i) => [
      { key: `s${i}`, kind: "section" as const, content: s.title },
      ...s.tasks.map((t) => ({
        parentKey: `s${i}`,
        kind: "task" as const,
        content: t.content,
        expectedOutput: t.output ?? "",
        deadlineText: t.deadline,
        reportingNote: t.note ?? "",
        leads: t.leads.map(who),
        coordinators: (t.coordinators ?? []).map(who),
        components: (t.components ?? []).map(([versionCode, componentCode]) => ({
          versionCode,
          componentCode,
        })),
      })),
    ]);
    await applyTaskRows({ tx, plan, rows, deleteIds: [], softDelete: false });
    const target = (
      indexCode: string,
      componentCode: string | null,
      targetValue: number | null,
      rank?: [number, number],
    ) => ({
      indexCode,
      componentCode,
      targetValue,
      rankFrom: rank?.[0] ?? null,
      rankTo: rank?.[1] ?? null,
      band: null,
      note: "",
    });
    // As seed 003 sets them; "Chính sách hỗ trợ doanh nghiệp" has a target and no task: a gap to show.
    const targets = await buildTargetRows({
      db: tx,
      plan,
      targets: [
        target("PCI", null, 68.5, [10, 15]),
        target("PCI", "ENTRY", 7.5),
        target("PCI", "LAND", 7.3),
        target("PCI", "TRANSPARENCY", 6.23),
        target("PCI", "PROACTIVITY", 7.62),
        target("PCI", "SUPPORT", 7.13),
        target("PAPI", "D3", 4.5),
        target("PAR_INDEX", null, 87, [1, 25]),
      ],
    });
    await createPlansRepository(tx).replaceTargets(planId, targets);
  });
  const plan = (await createPlansRepository(db).findById(planId))!;
  await issueLoaded({ db, actor, plan, input: {} });
  return planId;
}
