import { describe, expect, it } from "vitest";
import { ReadCache } from "./read-cache.ts";

const body = (s: string) => ({ body: s, contentType: "application/json" });

describe("ReadCache", () => {
  it("serves an entry until a bump, and drops one built before a bump", () => {
    const cache = new ReadCache();
    cache.set("a", cache.generation, body("1"));
    expect(cache.get("a")?.body).toBe("1");
    const before = cache.generation;
    cache.bump();
    expect(cache.get("a")).toBeUndefined();
    // built from data read before the write: never stored
    cache.set("b", before, body("old"));
    expect(cache.get("b")).toBeUndefined();
  });

  it("expires entries after the TTL", () => {
    let t = 1000;
    const cache = new ReadCache({ ttlMs: 5000, now: () => t });
    cache.set("a", cache.generation, body("1"));
    t += 4999;
    expect(cache.get("a")?.body).toBe("1");
    t += 1;
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps at most maxEntries, evicting the least recently used", () => {
    const cache = new ReadCache({ maxEntries: 2 });
    cache.set("a", 0, body("a"));
    cache.set("b", 0, body("b"));
    expect(cache.get("a")?.body).toBe("a"); // a is now the most recent
    cache.set("c", 0, body("c"));
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body).toBe("a");
    expect(cache.get("c")?.body).toBe("c");
  });
});

describe("ReadCache.through", () => {
  it("builds once for requests that arrive while it is being built", async () => {
    const cache = new ReadCache();
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const build = async () => {
      builds++;
      await gate;
      return body(`v${builds}`);
    };
    const all = [cache.through("k", build), cache.through("k", build), cache.through("k", build)];
    release();
    expect((await Promise.all(all)).map((b) => b?.body)).toEqual(["v1", "v1", "v1"]);
    expect(builds).toBe(1);
    expect((await cache.through("k", build))?.body).toBe("v1"); // now a hit
  });

  it("does not join a build begun before a write, nor keep what it built", async () => {
    const cache = new ReadCache();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const old = cache.through("k", async () => {
      await gate;
      return body("old");
    });
    cache.bump();
    const fresh = cache.through("k", async () => body("new"));
    release();
    expect((await old)?.body).toBe("old");
    expect((await fresh)?.body).toBe("new");
    expect(cache.get("k")?.body).toBe("new");
  });

  it("rejects for the builder only; waiters get nothing and build their own", async () => {
    const cache = new ReadCache();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const failing = cache.through("k", async () => {
      await gate;
      throw new Error("boom");
    });
    const waiter = cache.through("k", async () => body("unused"));
    release();
    await expect(failing).rejects.toThrow("boom");
    expect(await waiter).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
