/**
 * The process's Chromium is started once, used by every print, started again when needed, and closed.
 * Chromium is a stand-in here (the lifecycle is what is tested); real printing through it is tested by
 * pdf.test.ts, publish.test.ts and pdf-reimport.test.ts.
 */
import { describe, expect, it } from "vitest";
import { sharedChromium } from "./shared-chromium.ts";

function standIns() {
  const started: { connected: boolean; path: string }[] = [];
  let path = "/usr/bin/chromium";
  const launch = async () => {
    const b = { connected: true, path };
    started.push(b);
    return {
      isConnected: () => b.connected,
      close: async () => {
        b.connected = false;
      },
      print: async (html: string) => `%PDF-${html}`,
    };
  };
  return { started, launch, key: () => path, setPath: (p: string) => (path = p) };
}

describe("sharedChromium", () => {
  it("uses one Chromium for every print and closes it; a later print starts one again", async () => {
    const { started, launch, key } = standIns();
    const chromium = sharedChromium({ launch, key });
    await Promise.all([chromium.use((b) => b.print("a")), chromium.use((b) => b.print("b"))]);
    expect(await chromium.use((b) => b.print("c"))).toBe("%PDF-c");
    expect(started).toHaveLength(1);
    await chromium.close();
    expect(started[0]!.connected).toBe(false);
    await chromium.use((b) => b.print("d"));
    expect(started).toHaveLength(2);
    await chromium.close();
  });

  it("starts Chromium again when it went away, and closes it after a while unused", async () => {
    const { started, launch, key } = standIns();
    const chromium = sharedChromium({ launch, key, idleMs: 20 });
    await chromium.use((b) => b.print("a"));
    started[0]!.connected = false; // crashed or killed
    await chromium.use((b) => b.print("b"));
    expect(started).toHaveLength(2);
    expect(started[1]!.connected).toBe(true);
    await expect.poll(() => started[1]!.connected).toBe(false);
    await chromium.close();
  });

  it("is not closed while a print runs, however long it takes", async () => {
    const { started, launch, key } = standIns();
    const chromium = sharedChromium({ launch, key, idleMs: 5 });
    await chromium.use(async (b) => {
      await new Promise((r) => setTimeout(r, 30));
      expect(b.isConnected()).toBe(true);
    });
    expect(started).toHaveLength(1);
    await chromium.close();
  });

  it("a failed start is tried again by the next print", async () => {
    let fail = true;
    const { started, launch, key } = standIns();
    const chromium = sharedChromium({
      launch: async () => {
        if (fail) throw new Error("chromium_missing");
        return launch();
      },
      key,
    });
    await expect(chromium.use((b) => b.print("a"))).rejects.toThrow("chromium_missing");
    fail = false;
    await chromium.use((b) => b.print("b"));
    expect(started).toHaveLength(1);
    await chromium.close();
  });

  it("starts the browser SOSEI_CHROMIUM now names instead of using the running one", async () => {
    const { started, launch, key, setPath } = standIns();
    const chromium = sharedChromium({ launch, key });
    await chromium.use((b) => b.print("a"));
    setPath("/opt/other/chromium");
    await chromium.use((b) => b.print("b"));
    expect(started.map((b) => [b.path, b.connected])).toEqual([
      ["/usr/bin/chromium", false],
      ["/opt/other/chromium", true],
    ]);
    await chromium.close();
  });
});
