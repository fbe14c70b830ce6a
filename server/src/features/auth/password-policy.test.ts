import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../../test/factories";
import { DEMO_PASSWORD } from "../demo/demo.seed";
import { DEMO_USERS } from "../demo/gia-lai.units";
import { passwordProblem } from "./password-policy";

const check = (password: string, username = "nguoidung", displayName = "Lê Văn Tám") =>
  passwordProblem({ password, username, displayName });

describe("the password rule (NIST SP 800-63B)", () => {
  it("refuses the passwords people guess first, however they are written", () => {
    for (const password of [
      "1234567890",
      "matkhau123",
      "Mật khẩu 123",
      "MATKHAU@123",
      "anhyeuem123",
      "emyeuanh2026",
      "iloveyou123",
      "qwertyuiop",
      "P@ssw0rd123",
      "admin@12345",
      "quantri123",
      "vietnam2025",
      "nguyenvananh",
      "0000000000",
      "abcdefghij",
      "1qaz2wsx3edc",
      "01/01/1990 !!",
    ])
      expect(check(password), password).not.toBeNull();
  });

  it("refuses a password that is or contains the username or the person's name", () => {
    expect(check("nguoidung2026")).toMatch(/tên đăng nhập/);
    expect(check("Le-Van-Tam-1975")).toMatch(/họ tên/);
    expect(check("letamvanle")).toBeNull();
    // A very short username only refuses itself, not every word that contains it.
    expect(passwordProblem({ password: "ngay-xem-phim-2026", username: "xem" })).toBeNull();
  });

  it("names the minimum length, and asks for no composition rules", () => {
    expect(check("ngan")).toMatch(/ít nhất 10 ký tự/);
    expect(check("song nuoc mien tay")).toBeNull();
    expect(check("lua-chin-vang-dong")).toBeNull();
  });

  it("accepts the demo and test passwords the project documents", () => {
    for (const user of DEMO_USERS)
      expect(passwordProblem({ password: DEMO_PASSWORD, ...user }), user.username).toBeNull();
    expect(check(TEST_PASSWORD)).toBeNull();
    expect(check("mat-khau-ban-dau-1", "nv.abc", "Đặng Thị Ngọc Hân")).toBeNull();
    expect(check("mat-khau-moi-cua-han", "nv.abc", "Đặng Thị Ngọc Hân")).toBeNull();
  });
});
