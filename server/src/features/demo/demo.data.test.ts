import { describe, expect, it } from "vitest";
import { componentOf, versionByCode } from "../../../../core/src/indices/definitions/catalog";
import { foldForMatch, foldVietnamese } from "../../../../core/src/text/vietnamese";
import { BUSINESS_DIALOGUE, RECOMMENDATIONS } from "./demo.dialogues.texts";
import { INITIATIVES } from "./demo.initiatives.texts";
import { FINDINGS } from "./demo.inspections.texts";
import type { DemoUnit } from "./demo.types";
import { DEMO_USERS, GIA_LAI } from "./gia-lai.units";

const { units, events, groups } = GIA_LAI;
const byKey = new Map(units.map((u) => [u.key, u]));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function validOn(unit: DemoUnit, date: string): boolean {
  return (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || date <= unit.validTo);
}

function rootOf(unit: DemoUnit): DemoUnit {
  let current = unit;
  while (current.parentKey) current = byKey.get(current.parentKey)!;
  return current;
}

// Words that never appear in Vietnamese without their marks: finding one bare means the diacritics were lost.
const BARE_WORDS = new Set(
  "so tinh xa phuong huyen noi vu chinh phap dung cong thuong nghiep truong duc dao tao lich ngoai toc hoc pho nhon uy son dinh tai".split(
    " ",
  ),
);

describe("Gia Lai demo data", () => {
  it("has unique unit keys", () => {
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length);
  });

  it("links every parent to an existing unit whose validity covers the child's", () => {
    for (const unit of units.filter((u) => u.parentKey)) {
      const parent = byKey.get(unit.parentKey!);
      expect(parent, unit.key).toBeDefined();
      if (parent?.validFrom) expect(unit.validFrom! >= parent.validFrom, unit.key).toBe(true);
      if (parent?.validTo) expect(unit.validTo && unit.validTo <= parent.validTo, unit.key).toBe(true);
    }
  });

  it("writes validity dates as ISO dates, from before to", () => {
    for (const unit of units) {
      for (const date of [unit.validFrom, unit.validTo].filter(Boolean)) expect(date).toMatch(ISO_DATE);
      if (unit.validFrom && unit.validTo) expect(unit.validFrom <= unit.validTo, unit.key).toBe(true);
    }
  });

  it("ends every unit of the two former provinces by 30 June 2025", () => {
    const historical = units.filter((u) => ["bd", "glo"].includes(rootOf(u).key));
    expect(historical.length).toBeGreaterThan(60);
    for (const unit of historical) expect(unit.validTo && unit.validTo <= "2025-06-30", unit.key).toBe(true);
  });

  it("starts every unit of the current province on 1 July 2025 and leaves it open", () => {
    for (const unit of units.filter((u) => rootOf(u).key === "gl")) {
      expect(unit.validFrom, unit.key).toBe("2025-07-01");
      expect(unit.validTo, unit.key).toBeUndefined();
    }
  });

  it("spells names with their diacritics, in NFC", () => {
    for (const unit of units) {
      const texts = [unit.name, unit.shortName, ...(unit.aliases ?? [])].filter((t): t is string => !!t);
      for (const text of texts) expect(text, unit.key).toBe(text.normalize("NFC"));
      expect(foldVietnamese(unit.name), unit.key).not.toBe(unit.name.toLowerCase());
      const bare = unit.name.split(/[\s,()-]+/).filter((w) => BARE_WORDS.has(w.toLowerCase()));
      expect(bare, unit.name).toEqual([]);
    }
  });

  it("never gives two siblings valid at the same time the same name or abbreviation", () => {
    const seen = new Map<string, string>();
    for (const unit of units) {
      const forms = new Set(
        [unit.name, unit.shortName, ...(unit.aliases ?? [])]
          .filter((t): t is string => !!t)
          .map(foldForMatch),
      );
      for (const form of forms) {
        const scope = `${unit.parentKey ?? "-"}|${form}`;
        const other = seen.get(scope);
        if (other) {
          const a = byKey.get(other)!;
          const overlap =
            (a.validFrom ?? "") <= (unit.validTo ?? "9") && (unit.validFrom ?? "") <= (a.validTo ?? "9");
          expect(overlap, `${unit.key} and ${other} share "${form}"`).toBe(false);
        }
        seen.set(scope, unit.key);
      }
    }
  });

  it("has at least 60 communes and wards under the current province (all 135, of which 25 wards)", () => {
    const communes = units.filter((u) => u.kind === "commune" && u.parentKey === "gl");
    expect(communes.length).toBeGreaterThanOrEqual(60);
    expect(communes.length).toBe(135);
    expect(communes.filter((u) => u.name.startsWith("Phường ")).length).toBe(25);
    expect(communes.every((u) => /^(Phường|Xã) /.test(u.name))).toBe(true);
  });

  it("has the 28 former districts", () => {
    expect(units.filter((u) => u.kind === "district" && u.parentKey === "bd").length).toBe(11);
    expect(units.filter((u) => u.kind === "district" && u.parentKey === "glo").length).toBe(17);
  });

  it("links events to units that exist, ending and starting on the event's date", () => {
    for (const event of events) {
      expect(event.date).toMatch(ISO_DATE);
      expect(event.decision.length).toBeGreaterThan(10);
      expect(event.predecessors.length).toBeGreaterThan(0);
      if (event.kind !== "dissolve") expect(event.successors.length).toBeGreaterThan(0);
      for (const key of event.predecessors) {
        const unit = byKey.get(key);
        expect(unit, key).toBeDefined();
        expect(validOn(unit!, dayBefore(event.date)), `${key} before ${event.date}`).toBe(true);
        if (!event.successors.includes(key)) expect(unit!.validTo, key).toBe(dayBefore(event.date));
      }
      for (const key of event.successors) {
        const unit = byKey.get(key);
        expect(unit, key).toBeDefined();
        expect(validOn(unit!, event.date), `${key} on ${event.date}`).toBe(true);
      }
    }
  });

  it("accounts for every department merged away in March 2025 by an event", () => {
    const ended = units.filter((u) => u.kind === "department" && u.validTo === "2025-02-28");
    const linked = new Set(events.filter((e) => e.date === "2025-03-01").flatMap((e) => e.predecessors));
    for (const unit of ended) expect(linked.has(unit.key), unit.key).toBe(true);
  });

  it("defines groups whose rules or members point at existing units", () => {
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    for (const group of groups) {
      expect(Boolean(group.rule) || Boolean(group.members?.length), group.key).toBe(true);
      for (const key of group.members ?? []) expect(byKey.has(key), key).toBe(true);
      if (group.rule) {
        const { kinds, parentKey } = group.rule;
        expect(byKey.has(parentKey)).toBe(true);
        const matched = units.filter((u) => u.parentKey === parentKey && kinds.includes(u.kind));
        expect(matched.length, group.key).toBeGreaterThan(0);
      }
    }
  });

  it("has one demo user per role, each in a current unit", () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    expect(DEMO_USERS.flatMap((u) => u.roles).sort()).toEqual(
      ["admin", "coordinator", "head", "officer", "viewer"].sort(),
    );
    for (const user of DEMO_USERS) {
      const unit = byKey.get(user.unitKey);
      expect(unit, user.username).toBeDefined();
      expect(validOn(unit!, "2025-07-01")).toBe(true);
      expect(user.displayName.split(" ").length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("the demo's follow-up texts", () => {
  const texts = [
    ...Object.values(FINDINGS),
    ...Object.values(INITIATIVES),
    ...Object.values(RECOMMENDATIONS),
  ];

  it("name only index components of the built-in catalogue, of the four indices the plans aim at", () => {
    const named = texts.flatMap((t) => (t.component ? [t.component] : []));
    expect(named.length).toBeGreaterThan(30);
    for (const [versionCode, componentCode] of named) {
      const version = versionByCode(versionCode);
      expect(version, versionCode).not.toBeNull();
      expect(componentOf(version!, componentCode), `${versionCode} ${componentCode}`).not.toBeNull();
    }
    expect(new Set(named.map(([v]) => v.split("-")[0]))).toEqual(
      new Set(["PAR_INDEX", "SIPAS", "PCI", "INDEX_766"]),
    );
  });

  it("are Vietnamese in NFC, and file names are plain ASCII as a person types them", () => {
    for (const t of texts) {
      for (const value of Object.values(t).filter((v): v is string => typeof v === "string"))
        expect(value, value).toBe(value.normalize("NFC"));
      const file = "evidence" in t ? t.evidence : undefined;
      if (file) expect(file.fileName).toMatch(/^[A-Za-z0-9-]+\.(pdf|docx)$/);
    }
    // A standard PDF font has no Vietnamese glyphs: a PDF's lines are written without marks.
    const pdfs = [
      ...texts.flatMap((t) => ("evidence" in t && t.evidence ? [t.evidence] : [])),
      BUSINESS_DIALOGUE.minutesFile,
    ];
    for (const file of pdfs.filter((f) => f.fileName.endsWith(".pdf")))
      for (const line of file.lines) expect(line).toMatch(/^[\x20-\x7e]*$/);
  });
});
