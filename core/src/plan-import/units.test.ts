import { describe, expect, it } from "vitest";
import { createUnitResolver, splitUnitCell, unitsInSentence } from "./units";
import { TEST_DIRECTORY } from "./units.fixture";

const resolver = createUnitResolver(TEST_DIRECTORY);
const resolveCell = (cell: string) => splitUnitCell(cell).map((n) => resolver.resolve(n));

describe("agency lists in one cell", () => {
  it.each([
    ["Sở Tài chính, Sở Công Thương; UBND các xã", ["Sở Tài chính", "Sở Công Thương", "UBND các xã"]],
    ["Các Sở: Tư pháp, Y tế, Xây dựng", ["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng"]],
    [
      "Các sở: Tài chính, Kế hoạch và Đầu tư, Văn hóa, Thể thao và Du lịch",
      ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch"],
    ],
    ["Các sở Nội vụ, Tư pháp và Y tế", ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]],
    // Seed 003, Appendix 3: one district office under either of its names.
    ["Phòng Kinh tế hạ tầng/Phòng Kinh tế", ["Phòng Kinh tế hạ tầng/Phòng Kinh tế"]],
    ["Sở Tư pháp/Sở Nội vụ", ["Sở Tư pháp", "Sở Nội vụ"]],
    ["Sở Tài chính, Công Thương", ["Sở Tài chính", "Sở Công Thương"]],
    ["Sở Tài chính và Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]],
    // Seed 003's cells: "ban" continues "Các sở, ban, ngành"; "Ban Quản lý…" is another agency.
    [
      "Các sở, ban, ngành, Ban Quản lý Khu kinh tế tỉnh",
      ["Các sở, ban, ngành", "Ban Quản lý Khu kinh tế tỉnh"],
    ],
    [
      "UBND các xã, phường, thị trấn, Ban QLDAĐTĐ và PTQĐ",
      ["UBND các xã, phường, thị trấn", "Ban QLDAĐTĐ và PTQĐ"],
    ],
    [
      "các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
      ["các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
    ],
  ])("splits %s", (cell, expected) => {
    expect(splitUnitCell(cell)).toEqual(expected);
  });

  it.each([
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động, Thương binh và Xã hội",
    "Sở Kế hoạch và Đầu tư",
    "Văn phòng HĐND và UBND tỉnh",
    "Ban Quản lý Khu kinh tế tỉnh",
  ])("keeps one agency whole: %s", (cell) => {
    expect(splitUnitCell(cell)).toEqual([cell]);
  });

  it("resolves each agency of a list on its own", () => {
    expect(resolveCell("Các Sở: Tư pháp, Y tế; Sở KH&ĐT").map((u) => u.unit)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Tài chính",
    ]);
  });
});

describe("resolution with its reason", () => {
  it.each([
    ["Sở Tư pháp", "Sở Tư pháp", /^Đúng tên/],
    ["Sở TC", "Sở Tài chính", /viết tắt/],
    [
      "Sở KH&ĐT",
      "Sở Tài chính",
      /^Tên cũ: Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở Tài chính từ 01\/03\/2025/,
    ],
    ["Sở LĐ-TB&XH", "Sở Nội vụ", /^Tên cũ: Sở Lao động - Thương binh và Xã hội/],
    ["Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ", /^Tên cũ/],
    ["Sở TT&TT", "Sở Khoa học và Công nghệ", /^Tên cũ/],
    ["Sở TN&MT", "Sở Nông nghiệp và Môi trường", /^Tên cũ/],
    ["Công an tỉnh", "Công an tỉnh Gia Lai", /Tên gọi khác/],
    // Abbreviations written in pieces, and names written without "và".
    ["Sở KH-ĐT", "Sở Tài chính", /^Tên cũ: Sở Kế hoạch và Đầu tư/],
    ["Sở LĐTB&XH", "Sở Nội vụ", /^Tên cũ: Sở Lao động/],
    ["Sở NN-PTNT", "Sở Nông nghiệp và Môi trường", /^Tên cũ: Sở Nông nghiệp và Phát triển nông thôn/],
    ["Sở VH-TT-DL", "Sở Văn hóa, Thể thao và Du lịch", /^Viết tắt/],
    ["Sở GD-ĐT", "Sở Giáo dục và Đào tạo", /^Viết tắt/],
    ["Sở Kế hoạch - Đầu tư", "Sở Tài chính", /^Tên cũ/],
  ])("%s → %s", (written, unit, reason) => {
    const u = resolver.resolve(written);
    expect(u).toMatchObject({ text: written, unit, group: false });
    expect(u.reason).toMatch(reason);
  });

  it("reads “Mặt trận Tổ quốc Việt Nam” as the province's Ủy ban MTTQ, a partner that is requested", () => {
    for (const written of ["Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"])
      expect(resolver.resolve(written)).toMatchObject({ unitId: "gl-mttq", requested: true });
  });

  it("maps the abolished district level to the communes with a note", () => {
    for (const written of [
      "UBND các huyện, thị xã, thành phố",
      "Ủy ban nhân dân cấp huyện",
      "UBND các huyện",
    ]) {
      const u = resolver.resolve(written);
      expect(u).toMatchObject({ unit: "UBND các xã, phường", group: true, groupId: "g-xa" });
      expect(u.reason).toMatch(/^Cấp huyện không còn từ 01\/07\/2025/);
      expect(u.note).toMatch(/cấp huyện không còn/);
    }
  });

  it("keeps districts when the directory still has them", () => {
    const older = createUnitResolver({
      ...TEST_DIRECTORY,
      units: TEST_DIRECTORY.units.map((u) => (u.kind === "district" ? { ...u, active: true } : u)),
    });
    expect(older.resolve("UBND các huyện, thị xã, thành phố")).toMatchObject({ groupId: "g-huyen" });
  });

  it("does not pick one commune for a district split among several", () => {
    const u = resolver.resolve("UBND thị xã An Nhơn");
    expect(u.unit).toBeNull();
    expect(u.suggestions).toHaveLength(3);
    expect(u.reason).toMatch(/Cấp huyện không còn.*3 đơn vị kế thừa/);
  });

  it.each([
    ["Các sở, ban, ngành", "g-so-nganh"],
    ["Người đứng đầu các Sở, ban, ngành", "g-so-nganh"],
    ["Các sở, ngành, cơ quan có liên quan", "g-so-nganh"],
    ["UBND cấp xã", "g-xa"],
    ["Ủy ban nhân dân các xã, phường, thị trấn", "g-xa"],
    ["các cơ quan, đơn vị", "g-all"],
    ["các cơ quan hành chính nhà nước tỉnh", "g-all"],
    ["Thủ trưởng các cơ quan, đơn vị, địa phương trên địa bàn tỉnh", "g-all"],
    ["cơ quan trung ương trên địa bàn tỉnh", "g-tw"],
    ["Các cơ quan đầu mối theo dõi chỉ số", "g-dau-moi"],
  ])("reads the wording %s as the group %s", (written, groupId) => {
    const u = resolver.resolve(written);
    expect(u).toMatchObject({ group: true, groupId });
    expect(u.reason).toBeTruthy();
  });

  it("keeps a group of departments and localities whole: both groups, not narrowed to one", () => {
    const refs = resolveCell("Các sở, ban, ngành và UBND các huyện, thị xã, thành phố");
    expect(refs.map((u) => u.groupId)).toEqual(["g-so-nganh", "g-xa"]);
  });

  it("says why an agency is not resolved, and never guesses", () => {
    const u = resolver.resolve("Ban quản lý các khu công nghiệp Bình Thuận");
    expect(u).toMatchObject({ unit: null, group: false, reason: "Không tìm thấy trong danh mục" });
  });
});

describe("agencies of the real plans", () => {
  it("seed 000 (497/KH-UBND): departments and districts named together are two groups; old names go to successors", async () => {
    const fs = await import("node:fs");
    const { extractPlan, readText } = await import(".");
    const text = fs.readFileSync(
      new URL("../../test/fixtures/plans/000_8eb717131d25ad55.txt", import.meta.url),
      "utf8",
    );
    const p = extractPlan(readText(text), { resolver });
    const both = p.tasks.find((t) => t.content.startsWith("Các sở, ban, ngành và UBND các huyện"));
    expect(both?.leads.map((l) => l.unit)).toEqual(["Các sở, ban, ngành", "UBND các xã, phường"]);
    const kh = p.tasks.flatMap((t) => t.leads).find((l) => l.text === "Sở Kế hoạch và Đầu tư");
    expect(kh).toMatchObject({ unit: "Sở Tài chính" });
    const leads = p.tasks.flatMap((t) => t.leads);
    // Before lists, groups and abolished levels were read: 14 of 26.
    expect(leads.filter((l) => l.unit).length).toBeGreaterThanOrEqual(22);
    expect(leads.every((l) => l.reason)).toBe(true);
  });
});

describe("names wrapped over two lines of a cell", () => {
  it.each([
    ["Sở Lao động - Thương binh và\nXã hội", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Ban Quản lý\nKhu kinh tế", ["Ban Quản lý Khu kinh tế"]],
    ["Ngân hàng\nNhà nước chi nhánh tỉnh", ["Ngân hàng Nhà nước chi nhánh tỉnh"]],
    ["Sở Tài nguyên\nvà Môi trường", ["Sở Tài nguyên và Môi trường"]],
    ["Sở Nội vụ\nCông an tỉnh", ["Sở Nội vụ", "Công an tỉnh"]],
    ["Ban Thanh tra nhân dân\nThôn, khu phố", ["Ban Thanh tra nhân dân", "Thôn, khu phố"]],
    ["- Sở Nội vụ\n- Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]],
  ])("%j", (cell, expected) => {
    expect(splitUnitCell(cell)).toEqual(expected);
  });
});

describe("agency lists in sentences", () => {
  it("expands “các Sở: A, B, C” after “phối hợp với”, a department named like a verb included", () => {
    expect(
      unitsInSentence(
        "Sở Nội vụ chủ trì, phối hợp với các Sở: Tài chính, Công Thương, Xây dựng tổ chức đánh giá.",
      ),
    ).toMatchObject({
      leads: ["Sở Nội vụ"],
      coordinators: ["Sở Tài chính", "Sở Công Thương", "Sở Xây dựng"],
    });
    // Seed 000, II.3: the agency comes after a lead-in clause (with a comma in brackets).
    expect(
      unitsInSentence(
        "Trên cơ sở danh mục TTHC (do bộ, ngành trung ương công bố), các cơ quan chuyên môn thuộc UBND tỉnh khẩn trương phối hợp với Văn phòng UBND tỉnh tham mưu.",
      ),
    ).toMatchObject({
      leads: ["các cơ quan chuyên môn thuộc UBND tỉnh"],
      coordinators: ["Văn phòng UBND tỉnh"],
    });
    expect(unitsInSentence("Các Sở: Tư pháp, Nội vụ thực hiện rà soát thủ tục.").leads).toEqual([
      "Sở Tư pháp",
      "Sở Nội vụ",
    ]);
  });
});

describe("agencies: property", () => {
  it("any cell splits and resolves without throwing; every answer has a reason and names a directory entry or nothing", async () => {
    const fc = (await import("fast-check")).default;
    const names = new Set([
      ...TEST_DIRECTORY.units.map((u) => u.name),
      ...TEST_DIRECTORY.groups.map((g) => g.name),
    ]);
    const words = [
      "Sở",
      "Các",
      "các",
      "sở",
      "ban",
      "ngành",
      "UBND",
      "huyện",
      "xã",
      "phường",
      "Tài chính",
      "Kế hoạch",
      "và",
      "Đầu tư",
      ",",
      ";",
      ":",
      "\n",
      "-",
      "KH&ĐT",
      "LĐ-TB&XH",
      "cơ quan",
      "đơn vị",
      "Thủ trưởng",
      "tỉnh",
      "/",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 20 }), (parts) => {
        for (const name of splitUnitCell(parts.join(" "))) {
          const u = resolver.resolve(name);
          expect(u.reason).toBeTruthy();
          if (u.unit) expect(names.has(u.unit)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
