import os from "node:os";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration from the environment", () => {
  it("sizes the PostgreSQL pool by the CPUs unless told, within 4 to 20", () => {
    const size = loadConfig({}).databasePoolSize;
    expect(size).toBe(Math.min(20, Math.max(4, 4 * os.availableParallelism())));
    expect(loadConfig({ DATABASE_POOL_SIZE: "12" }).databasePoolSize).toBe(12);
    expect(loadConfig({ DATABASE_POOL_SIZE: "0" }).databasePoolSize).toBe(size);
  });

  it("refuses a pool size that is not a whole number, naming it in Vietnamese", () => {
    for (const bad of ["mười", "-3", "2.5"])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(
        /DATABASE_POOL_SIZE phải là một số nguyên dương/,
      );
  });

  it("refuses production without a real session secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET phải được đặt/);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) }).env).toBe("production");
  });

  it("trusts no proxy by default and reads TRUST_PROXY as a list of addresses and ranges", () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: " 127.0.0.1, 10.0.0.0/8,::1 " }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
  });

  it("refuses a TRUST_PROXY entry that is not an address or a range, naming it in Vietnamese", () => {
    for (const bad of ["true", "10.0.0.0/33", "proxy.local", "1.2.3.4/8/2", "*"])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY phải là danh sách địa chỉ IP/);
  });
});
