import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";
const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0 }).promise;
const page = await doc.getPage(Number(process.argv[3] ?? 1));
const ops = await page.getOperatorList();
const names = Object.fromEntries(Object.entries(OPS).map(([k,v])=>[v,k]));
for (let i=0;i<ops.fnArray.length;i++) { const a = ops.argsArray[i]; console.log(names[ops.fnArray[i]], JSON.stringify(a, (k,v)=> (v && typeof v==="object" && "unicode" in v) ? v.unicode : v)?.slice(0,150)); }
