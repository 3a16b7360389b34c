import { readFileSync, writeFileSync } from "node:fs";
import { htmlToPdf } from "./src/report/pdf.ts";
const [src, dst] = process.argv.slice(2) as [string, string];
writeFileSync(dst, await htmlToPdf(readFileSync(src, "utf8")));
