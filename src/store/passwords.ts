/** Password hashing with scrypt (node:crypto). Stored as `scrypt$N$r$p$salt$hash` (base64). */
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from "node:crypto";

/**
 * scrypt's cost N for new hashes (a verification reads N from the stored hash). Callers may ask for
 * less only through `createServices({ scryptCost })`, which tests use; nothing reads it from the
 * environment or a flag.
 */
export const SCRYPT_COST = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A power of two, 2 … 2^20: what scrypt takes and `verifyPassword` accepts. */
const validCost = (n: number) => Number.isInteger(n) && n >= 2 && n <= 1 << 20 && (n & (n - 1)) === 0;

export async function hashPassword(password: string, cost: number = SCRYPT_COST): Promise<string> {
  if (!validCost(cost)) throw new RangeError(`scrypt cost must be a power of two up to 2^20 (got ${cost})`);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost, R, P);
  return `scrypt$${cost}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when `password` matches `stored`; false (never an exception) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const cost = Number(n);
  if (!Number.isInteger(cost) || cost < 2 || cost > 1 << 20) return false;
  const expected = Buffer.from(hash, "base64");
  try {
    const key = await scrypt(password, Buffer.from(salt, "base64"), cost, Number(r), Number(p));
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/**
 * A generated password to print once: 4 groups of 4 characters without look-alikes (0/O, 1/l/I, 2/Z,
 * 5/S, 6/b, 8/B), about 89 bits.
 */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479";
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += alphabet[randomInt(alphabet.length)]; // uniform (no modulo bias)
  }
  return out;
}
