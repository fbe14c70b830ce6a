import { describe, expect, it } from "vitest";
import { ALL_EVIDENCE_EXTENSIONS, evidenceTypeOfName } from "./evidence-rules";

describe("evidenceTypeOfName", () => {
  it("reads the type a file's name claims, whatever its case", () => {
    expect(evidenceTypeOfName("Bien-ban.PDF")).toBe("pdf");
    expect(evidenceTypeOfName("anh chup.jpeg")).toBe("jpeg");
    expect(evidenceTypeOfName("anh.JPG")).toBe("jpeg");
    expect(evidenceTypeOfName("so-lieu.xlsx")).toBe("xlsx");
  });

  it("refuses names of other types, which the device and the server both refuse", () => {
    expect(evidenceTypeOfName("anh.gif")).toBeNull();
    expect(evidenceTypeOfName("anh.webp")).toBeNull();
    expect(evidenceTypeOfName("pdf")).toBeNull();
    expect(evidenceTypeOfName("tai-lieu.pdf.exe")).toBeNull();
    expect(ALL_EVIDENCE_EXTENSIONS).not.toContain(".gif");
  });
});
