/** Issue #16 F20: weak and common passwords a person chooses are refused, with the reason in Japanese. */
import { describe, expect, it } from "vitest";
import { isSoseiError } from "../core/errors.ts";
import { assertStrongPassword, judgePassword } from "./password-strength.ts";

describe("password strength (F20)", () => {
  it.each([
    ["aaaaaaaaaaaa", /繰り返し/],
    ["password1234", /よく使われる|推測/],
    ["qwertyuiopas", /よく使われる|キーボード/],
    ["123456789012", /連続|よく使われる|推測/],
    ["Password123!", /.+/],
  ])("refuses %s and says why in Japanese", (password, why) => {
    const v = judgePassword(password, ["tanaka"]);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(why);
  });

  it("refuses a password made of the login id", () => {
    expect(judgePassword("kikakutaro12", ["kikakutaro"]).ok).toBe(false);
  });

  it("refuses short passwords before scoring", () => {
    expect(judgePassword("Xy7#q").reason).toContain("12文字以上");
  });

  it("accepts a long passphrase of unrelated words and a generated-style password", () => {
    expect(judgePassword("sakura-kumo-tetsudou-hashira").ok).toBe(true);
    expect(judgePassword("Kq7m-Tx3r-Wv9p-Hd4n").ok).toBe(true);
  });

  it("assertStrongPassword throws weak_password (a 400 at the HTTP edge)", () => {
    try {
      assertStrongPassword("aaaaaaaaaaaa");
      expect.unreachable();
    } catch (e) {
      expect(isSoseiError(e) && e.code).toBe("weak_password");
    }
  });
});
