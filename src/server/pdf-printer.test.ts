/**
 * The server's printer keeps one Chromium for its PDFs, starts it again when needed, and closes it.
 * Chromium is a stand-in here (the lifecycle is what is tested); real printing through this printer
 * is tested by pdf-reimport.test.ts, which downloads the server's PDFs.
 */
import { describe, expect, it } from "vitest";
import { sharedChromiumPrinter } from "./pdf-printer.ts";

function standIns() {
  const started: { connected: boolean }[] = [];
  const launch = async () => {
    const b = { connected: true };
    started.push(b);
    return {
      isConnected: () => b.connected,
      close: async () => {
        b.connected = false;
      },
    };
  };
  const printWith = async (html: string) => new TextEncoder().encode(`%PDF-${html}`);
  return { started, launch, printWith };
}

describe("sharedChromiumPrinter", () => {
  it("prints every PDF with one Chromium and closes it with the services; a later PDF starts one again", async () => {
    const { started, launch, printWith } = standIns();
    const print = sharedChromiumPrinter({ launch, printWith });
    await Promise.all([print("a"), print("b")]);
    expect(new TextDecoder().decode(await print("c"))).toBe("%PDF-c");
    expect(started).toHaveLength(1);
    await print.close();
    expect(started[0]!.connected).toBe(false);
    await print("d");
    expect(started).toHaveLength(2);
    await print.close();
  });

  it("starts Chromium again when it went away, and closes it after a while without a PDF", async () => {
    const { started, launch, printWith } = standIns();
    const print = sharedChromiumPrinter({ launch, printWith, idleMs: 20 });
    await print("a");
    started[0]!.connected = false; // crashed or killed
    await print("b");
    expect(started).toHaveLength(2);
    expect(started[1]!.connected).toBe(true);
    await expect.poll(() => started[1]!.connected).toBe(false);
    await print.close();
  });

  it("a failed start is tried again by the next PDF", async () => {
    let fail = true;
    const { started, launch, printWith } = standIns();
    const print = sharedChromiumPrinter({
      launch: async () => {
        if (fail) throw new Error("chromium_missing");
        return launch();
      },
      printWith,
    });
    await expect(print("a")).rejects.toThrow("chromium_missing");
    fail = false;
    await print("b");
    expect(started).toHaveLength(1);
    await print.close();
  });
});
