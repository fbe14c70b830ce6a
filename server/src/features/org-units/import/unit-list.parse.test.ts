import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { MAX_UNIT_LIST_BYTES, parseUnitList } from "./unit-list.parse";

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string) => parseUnitList({ fileName: "don-vi.csv", data: utf8(text) });

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("Danh sách"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("parseUnitList with XLSX", () => {
  it("finds the header below a title block and reads every column, Excel dates included", async () => {
    const data = await xlsx((sheet) => {
      sheet.addRow(["DANH SÁCH CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG"]);
      sheet.addRow([]);
      sheet.addRow([
        "STT",
        "Tên đơn vị",
        "Loại",
        "Đơn vị cấp trên",
        "Tên viết tắt",
        "Tên gọi khác",
        "Mã",
        "Hiệu lực từ",
        "Hiệu lực đến",
      ]);
      sheet.addRow([
        1,
        "Sở Nội vụ",
        "Sở, ban, ngành",
        "Tỉnh Gia Lai",
        "Sở NV",
        "SNV; Sở NV Gia Lai",
        "SNV01",
      ]);
      sheet.addRow([
        2,
        "Sở Kế hoạch và Đầu tư",
        "Sở, ban, ngành",
        "Tỉnh Bình Định",
        "Sở KH&ĐT",
        "SKHĐT",
        null,
        new Date(Date.UTC(2008, 0, 1)),
        new Date(Date.UTC(2025, 1, 28)),
      ]);
      sheet.addRow([3, "Phường Quy Nhơn Nam", "UBND cấp xã", "Tỉnh Gia Lai", null, null, 21601, 45839]);
      sheet.addRow([
        4,
        { richText: [{ text: "Phòng " }, { text: "Cải cách hành chính" }] },
        "Đơn vị thuộc sở",
        "Sở Nội vụ",
      ]);
    });
    const result = await parseUnitList({ fileName: "ds.xlsx", data });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 4,
        name: "Sở Nội vụ",
        kind: "department",
        parent: "Tỉnh Gia Lai",
        shortName: "Sở NV",
        aliases: ["SNV", "Sở NV Gia Lai"],
        code: "SNV01",
        validFrom: null,
        validTo: null,
      },
      {
        row: 5,
        name: "Sở Kế hoạch và Đầu tư",
        kind: "department",
        parent: "Tỉnh Bình Định",
        shortName: "Sở KH&ĐT",
        aliases: ["SKHĐT"],
        code: null,
        validFrom: "2008-01-01",
        validTo: "2025-02-28",
      },
      {
        row: 6,
        name: "Phường Quy Nhơn Nam",
        kind: "commune",
        parent: "Tỉnh Gia Lai",
        shortName: null,
        aliases: [],
        code: "21601",
        validFrom: "2025-07-01",
        validTo: null,
      },
      {
        row: 7,
        name: "Phòng Cải cách hành chính",
        kind: "internalUnit",
        parent: "Sở Nội vụ",
        shortName: null,
        aliases: [],
        code: null,
        validFrom: null,
        validTo: null,
      },
    ]);
  });

  it("detects XLSX by content even when the file is named .csv", async () => {
    const data = await xlsx((sheet) => {
      sheet.addRow(["Name", "Kind"]);
      sheet.addRow(["Xã Ia O", "commune"]);
    });
    const result = await parseUnitList({ fileName: "misnamed.csv", data });
    expect(result.rows.map((r) => [r.name, r.kind])).toEqual([["Xã Ia O", "commune"]]);
  });

  it("refuses a zip that is not a workbook", async () => {
    const data = utf8("PK\u0003\u0004 not really a zip");
    const result = await parseUnitList({ fileName: "ds.xlsx", data });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: null, column: null, message: "Tệp không phải bảng tính XLSX hoặc CSV (UTF-8)." },
    ]);
  });
});

describe("parseUnitList with CSV", () => {
  it("reads UTF-8 with BOM, semicolons, quoted fields and unaccented headers", async () => {
    const text = [
      "\uFEFFTen don vi;Loai;Truc thuoc;Ten goi khac;Hieu luc tu (dd/mm/yyyy)",
      '"Sở Văn hóa, Thể thao và Du lịch";Sở, ban, ngành;Tỉnh Gia Lai;"Sở VHTT&DL; SVHTTDL"',
      '"Thuế tỉnh Gia Lai";Cơ quan Trung ương;Tỉnh Gia Lai;"Cục Thuế ""cũ""";01/07/2025',
      "Ủy ban MTTQ Việt Nam tỉnh;Tổ chức chính trị - xã hội;Tỉnh Gia Lai;;",
      "Thành phố Quy Nhơn;Huyện;Tỉnh Bình Định;TP. Quy Nhơn;1/1/2000",
    ].join("\r\n");
    const result = await csv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.name, r.kind, r.aliases, r.validFrom])).toEqual([
      [2, "Sở Văn hóa, Thể thao và Du lịch", "department", ["Sở VHTT&DL", "SVHTTDL"], null],
      [3, "Thuế tỉnh Gia Lai", "centralAgency", ['Cục Thuế "cũ"'], "2025-07-01"],
      [4, "Ủy ban MTTQ Việt Nam tỉnh", "partnerOrg", [], null],
      [5, "Thành phố Quy Nhơn", "district", ["TP. Quy Nhơn"], "2000-01-01"],
    ]);
  });

  it("reads comma-separated English headers and English kind codes, with a line break inside quotes", async () => {
    const text =
      'Name,Type,Parent,Short name,Code,Valid to\n"Sở Nội vụ",department,gl,SNV,,\n"Văn phòng\nSở",internalUnit,Sở Nội vụ,,,31/12/2030\n';
    const result = await csv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.name, r.kind, r.parent, r.validTo])).toEqual([
      [2, "Sở Nội vụ", "department", "gl", null],
      [3, "Văn phòng Sở", "internalUnit", "Sở Nội vụ", "2030-12-31"],
    ]);
  });

  it("infers the kind from an unambiguous name when the kind cell is empty", async () => {
    const result = await csv("Tên,Loại\nXã Nhơn Châu,\nSở Tư pháp,\nThanh tra tỉnh,\n");
    expect(result.rows.map((r) => [r.name, r.kind])).toEqual([
      ["Xã Nhơn Châu", "commune"],
      ["Sở Tư pháp", "department"],
    ]);
    expect(result.errors).toEqual([
      {
        row: 4,
        column: "Loại",
        message: 'Dòng 4, cột "Loại": chưa ghi loại đơn vị và không suy ra được từ tên "Thanh tra tỉnh".',
      },
    ]);
  });

  it("skips blank and pre-numbered empty rows", async () => {
    const result = await csv("STT,Tên đơn vị,Loại\n1,Sở Y tế,Sở\n,,\n3,,\n");
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });
});

describe("parseUnitList errors", () => {
  it("reports each bad row with its row, column and a Vietnamese message, keeping the good rows", async () => {
    const text = [
      "Tên đơn vị;Loại;Đơn vị cấp trên;Hiệu lực từ;Hiệu lực đến",
      ";Sở;Tỉnh Gia Lai;;",
      "Sở Nội vụ;Bộ;Tỉnh Gia Lai;;",
      "Sở Tư pháp;Sở;Tỉnh Gia Lai;31/02/2025;",
      "Sở Y tế;Sở;Tỉnh Gia Lai;01/07/2025;30/06/2025",
      "Sở Xây dựng;Sở;Tỉnh Gia Lai;;",
      "Sở xây dựng;Sở;tinh gia lai;;",
      "Sở Xây dựng;Sở;Tỉnh Bình Định;;",
    ].join("\n");
    const result = await csv(text);
    expect(result.errors).toEqual([
      { row: 2, column: "Tên đơn vị", message: 'Dòng 2, cột "Tên đơn vị": thiếu tên đơn vị.' },
      { row: 3, column: "Loại", message: 'Dòng 3, cột "Loại": không nhận ra loại đơn vị "Bộ".' },
      {
        row: 4,
        column: "Hiệu lực từ",
        message: 'Dòng 4, cột "Hiệu lực từ": ngày "31/02/2025" không hợp lệ (cần dạng dd/mm/yyyy).',
      },
      {
        row: 5,
        column: "Hiệu lực đến",
        message: 'Dòng 5, cột "Hiệu lực đến": ngày hết hiệu lực trước ngày bắt đầu hiệu lực.',
      },
      {
        row: 7,
        column: "Tên đơn vị",
        message: 'Dòng 7, cột "Tên đơn vị": trùng tên "Sở xây dựng" với dòng 6 trong cùng đơn vị cấp trên.',
      },
    ]);
    expect(result.rows.map((r) => [r.row, r.parent])).toEqual([
      [6, "Tỉnh Gia Lai"],
      [8, "Tỉnh Bình Định"],
    ]);
  });

  it("accepts the same name under the same parent in periods that do not overlap", async () => {
    const result = await csv(
      "Tên,Loại,Trực thuộc,Hiệu lực từ,Hiệu lực đến\nSở Du lịch,Sở,Bình Định,01/01/2019,28/02/2025\nSở Du lịch,Sở,Bình Định,01/01/2030,\n",
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(2);
  });

  it("reports an empty file", async () => {
    for (const data of [new Uint8Array(), utf8("\uFEFF"), utf8(" \r\n;;\r\n")]) {
      const result = await parseUnitList({ fileName: "rong.csv", data });
      expect(result.errors).toEqual([{ row: null, column: null, message: "Tệp rỗng." }]);
    }
  });

  it("reports a file without a recognisable header in its first 10 rows", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `dòng ${i + 1},x`);
    const result = await csv([...lines, "Tên đơn vị,Loại", "Sở Y tế,Sở"].join("\n"));
    expect(result.rows).toEqual([]);
    expect(result.errors[0].message).toMatch(/^Không tìm thấy dòng tiêu đề/);
  });

  it("reports a header without data", async () => {
    const result = await csv("Tên đơn vị,Loại\n");
    expect(result.errors).toEqual([
      { row: null, column: null, message: "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề." },
    ]);
  });

  it("refuses binary content and files over 5 MB", async () => {
    const binary = await parseUnitList({
      fileName: "a.pdf",
      data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
    });
    expect(binary.errors[0].message).toBe("Tệp không phải bảng tính XLSX hoặc CSV (UTF-8).");
    const big = await parseUnitList({ fileName: "big.csv", data: new Uint8Array(MAX_UNIT_LIST_BYTES + 1) });
    expect(big.errors).toEqual([{ row: null, column: null, message: "Tệp lớn hơn 5 MB, không thể nhập." }]);
  });
});

describe("parseUnitList properties", () => {
  it("never throws on random bytes, and explains why nothing was read", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, asZip) => {
        const data = asZip ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const result = await parseUnitList({ fileName: "x.xlsx", data });
        expect(result.rows.length + result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  // Names equal once folded ("Sở Nội vụ" and "so noi vu.") count as duplicates, so the generator avoids them.
  it("reads back any names written to a quoted CSV", async () => {
    const name = fc
      .string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(..."Sở Nội vụ,;\"\nĐắk Lắk Ủy ban-&()'") })
      .filter((s) => s.replace(/\s+/g, " ").trim().length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: foldForMatch }),
        async (names) => {
          const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
          const text = ["Tên đơn vị;Loại", ...names.map((n) => `${quote(n)};khác`)].join("\r\n");
          const result = await csv(text);
          expect(result.errors).toEqual([]);
          expect(result.rows.map((r) => r.name)).toEqual(names.map((n) => n.replace(/\s+/g, " ").trim()));
        },
      ),
      { numRuns: 200 },
    );
  });
});
