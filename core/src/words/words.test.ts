import { describe, expect, it } from "vitest";
import { adHocPeriod, parsePeriodKey } from "../reporting/periods";
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ENTITY_NAMES,
  auditActionName,
  componentLabel,
  decree30Date,
  findCodes,
  formatNumber,
  formatPercent,
  formatRate,
  formatSigned,
  indexName,
  periodName,
  versionName,
} from "./index";

const period = (key: string) => parsePeriodKey(key) ?? expect.unreachable(key);

describe("period names", () => {
  it("names every calendar period in Vietnamese and English, never by its key", () => {
    expect(periodName(period("2026-M12"))).toBe("Tháng 12/2026");
    expect(periodName(period("2026-M03"))).toBe("Tháng 3/2026");
    expect(periodName(period("2026-Q4"))).toBe("Quý IV/2026");
    expect(periodName(period("2026-H1"))).toBe("6 tháng đầu năm 2026");
    expect(periodName(period("2026-H2"))).toBe("6 tháng cuối năm 2026");
    expect(periodName(period("2026-Y"))).toBe("Năm 2026");
    expect(periodName(period("2026-M12"), { lang: "en" })).toBe("Dec 2026");
    expect(periodName(period("2026-Q4"), { lang: "en" })).toBe("Q4 2026");
    expect(periodName(period("2026-H1"), { lang: "en" })).toBe("First half of 2026");
  });

  it("names an ad hoc request by its title, or by its deadline when it has none", () => {
    const p = adHocPeriod({ start: "2026-05-01", due: "2026-05-20" });
    expect(periodName(p, { title: "Tổng kết PCI 2025" })).toBe("Báo cáo đột xuất: Tổng kết PCI 2025");
    expect(periodName(p)).toBe("Đột xuất (đến 20/05/2026)");
    expect(periodName(p, { lang: "en", title: "PCI review" })).toBe("Ad hoc report: PCI review");
  });
});

describe("Decree 30 dates", () => {
  it("puts a zero before days 1-9 and months 1-2 only", () => {
    expect(decree30Date("2026-03-05")).toBe("ngày 05 tháng 3 năm 2026");
    expect(decree30Date("2026-01-15")).toBe("ngày 15 tháng 01 năm 2026");
    expect(decree30Date("2026-02-09")).toBe("ngày 09 tháng 02 năm 2026");
    expect(decree30Date("2026-08-10")).toBe("ngày 10 tháng 8 năm 2026");
    expect(decree30Date("2026-12-31", "Gia Lai")).toBe("Gia Lai, ngày 31 tháng 12 năm 2026");
  });
});

describe("numbers", () => {
  it("writes a decimal comma and a rate with one decimal: 3 of 500 is 0,6 %, not 1%", () => {
    expect(formatRate(3, 500)).toBe("0,6\u00a0%");
    expect(formatRate(1, 2)).toBe("50\u00a0%");
    expect(formatRate(2, 3)).toBe("66,7\u00a0%");
    expect(formatRate(0, 0)).toBe("–");
    expect(formatRate(3, 500, "en")).toBe("0.6%");
    expect(formatPercent(45)).toBe("45\u00a0%");
    expect(formatNumber(1234.5, 1)).toBe("1.234,5");
    expect(formatNumber(57.417110443115234)).toBe("57,42");
    expect(formatNumber(-1.22)).toBe("\u22121,22");
    expect(formatSigned(0.59)).toBe("+0,59");
  });
});

describe("index names", () => {
  it("names indices, versions and components from the catalogue", () => {
    expect(indexName("PAR_INDEX")).toBe("Chỉ số cải cách hành chính (PAR INDEX)");
    expect(indexName("PCI")).toBe("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)");
    expect(indexName("PCI", "en")).toBe("Provincial Competitiveness Index (PCI)");
    expect(versionName("PCI-2022")).toBe("PCI 2022");
    expect(versionName("PAR_INDEX-2022")).toBe("PAR INDEX 2022");
    expect(versionName("DDCI_GL-2024")).toBe("DDCI GL 2024");
    // A province's DDCI code carries its id, which nobody reads; a revision says which.
    expect(versionName("DDCI_0A1B2C3D4E5F-2026.r2")).toBe("DDCI 2026, bản sửa đổi 2");
    expect(versionName("DDCI_0A1B2C3D4E5F-2026.r2", "en")).toBe("DDCI 2026, revision 2");
    expect(componentLabel({ versionCode: "PCI-2022", componentCode: "ENTRY" })).toBe(
      "PCI 2022 · Chi phí gia nhập thị trường",
    );
    expect(componentLabel({ versionCode: "DDCI_GL-2024", componentCode: "X1", name: "Minh bạch" })).toBe(
      "DDCI GL 2024 · Minh bạch",
    );
  });
});

describe("audited actions", () => {
  it("has a distinct Vietnamese and English name for every action and entity", () => {
    for (const names of [AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES]) {
      const vi = Object.values(names).map((n) => n.vi);
      expect(new Set(vi).size).toBe(vi.length);
      for (const n of Object.values(names)) {
        expect(n.vi).not.toBe("");
        expect(n.en).not.toBe("");
        expect(findCodes(n.vi)).toEqual([]);
      }
    }
    expect(auditActionName("split")).toBe("Tách đơn vị");
    expect(auditActionName("issue")).toBe("Ban hành kế hoạch");
    expect(auditActionName("tasks.upsert", "en")).toBe("Edit tasks");
  });
});

describe("code patterns", () => {
  it("finds the codes that used to reach people", () => {
    const leaked = [
      "Hạn gửi báo cáo kỳ 2026-M12",
      "kỳ AH",
      "PCI-2022 · ENTRY",
      "PAR_INDEX",
      "createChild",
      "tasks.upsert",
      "57.417110443115234",
      "Quý: 2026-Q4",
    ];
    for (const text of leaked) expect(findCodes(text), text).not.toEqual([]);
  });

  it("leaves legitimate text alone", () => {
    const clean = [
      "Kế hoạch số 107/KH-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh",
      "Nghị định 30/2020/NĐ-CP; Quyết định 766/QĐ-TTg",
      "PCI, PAPI, PAR INDEX, SIPAS, PGI 2022",
      "PCI 2022 · Gia nhập thị trường: 57,42 điểm; tỷ lệ 0,6 %",
      "Hạn 15/01/2026 — Tháng 12/2026, Quý IV/2026",
      "Ban hành kế hoạch; Tách đơn vị",
    ];
    for (const text of clean) expect(findCodes(text), text).toEqual([]);
  });
});
