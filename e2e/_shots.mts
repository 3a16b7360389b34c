import { launch } from "./helpers.ts";

async function run() {
  const base = process.argv[2]!;
  const b = await launch();
  for (const width of [1280, 390]) {
    const p = await b.newPage({ viewport: { width, height: 900 } });
    p.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
    p.on("pageerror", (e) => console.log("pageerror:", e.message));
    for (const [name, url] of [
      ["dash", "/"],
      ["sheet", "/sheet?q=出生"],
      ["kpi", "/kpi/2021-5"],
    ] as const) {
      await p.goto(base + url);
      await p.waitForTimeout(1500);
      await p.screenshot({ path: `/tmp/shot-${name}-${width}.png`, fullPage: true });
    }
  }
  await b.close();
}
run();
