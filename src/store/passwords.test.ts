import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const h = await hashPassword("パスワード-1234");
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("パスワード-1234", h)).toBe(true);
    expect(await verifyPassword("パスワード-1235", h)).toBe(false);
    expect(await hashPassword("パスワード-1234")).not.toBe(h);
  });

  it("answers false, never throws, for a malformed or hostile hash", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
    expect(await verifyPassword("x", "scrypt$999999999$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "scrypt$16384$8$1$AAAA$")).toBe(false);
  });

  it("hashes at a lower cost only when asked (tests' services), and verifies by the stored cost", async () => {
    const cheap = await hashPassword("パスワード-1234", 1024);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("パスワード-1234", cheap)).toBe(true);
    expect(await hashPassword("x", undefined)).toMatch(/^scrypt\$16384\$/);
    await expect(hashPassword("x", 1000)).rejects.toThrow(RangeError);
  });
});
