import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTraceValue, encodeTraceValue, sqlTracer, type TracedStatement } from "./sql-trace";

describe("SQL trace (bench only)", () => {
  it("records nothing when CHISO_TRACE_SQL is not set", () => {
    expect(sqlTracer("")).toBeNull();
  });

  it("appends each statement as a JSON line whose parameters replay as the same values", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chiso-trace-")), "sql.jsonl");
    const trace = sqlTracer(file);
    const at = new Date("2026-11-02T03:04:05.000Z");
    const values = [at, Buffer.from([1, 2, 3]), 12n, ["a", at], "text", 4, null, true];
    trace?.({ text: "select $1", values, rowMode: "array" });
    trace?.({ text: "select 1", values: [], rowMode: undefined });
    const lines = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as TracedStatement);
    expect(lines.map((l) => [l.request, l.text, l.rowMode])).toEqual([
      [null, "select $1", "array"],
      [null, "select 1", null],
    ]);
    expect(lines[0].values.map(decodeTraceValue)).toEqual(values);
    expect(encodeTraceValue(at)).toEqual({ $date: "2026-11-02T03:04:05.000Z" });
  });
});
