import { readFileSync } from "node:fs";
import { evaluateSheet } from "../core/evaluation/index.ts";
import { launchChromium } from "./chromium.ts";
import { htmlToPdf } from "./pdf.ts";
import { sheetPrintHtml } from "./print-html.ts";

const n = Number(process.argv[2]);
const sheet = JSON.parse(readFileSync("fixtures/report/sample-city-2024.json", "utf8"));
const html = sheetPrintHtml(sheet, evaluateSheet(sheet));
if (n >= 0) {
  const b = await launchChromium();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await htmlToPdf(html, { browser: b });
    console.log("print", (performance.now() - t).toFixed(0));
  }
  await b.close();
}
