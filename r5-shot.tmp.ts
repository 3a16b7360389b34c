import { launchChromium } from "./src/report/chromium.ts";
const b = await launchChromium();
const site = "/tmp/r5/site";
const pages = process.argv.slice(2);
for (const w of [1280, 390]) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 } });
  const p = await ctx.newPage();
  for (const name of pages) {
    await p.goto(`file://${site}/${name}`);
    await p.screenshot({ path: `/tmp/r5/shot-${w}-${name.replace(/\//g, "_")}.png`, fullPage: true });
  }
  await ctx.close();
}
await b.close();
