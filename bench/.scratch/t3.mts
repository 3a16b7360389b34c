import { bulkLoad, citySheets } from "/work/main/bench/national.ts";
const scale = { municipalities: 100, kpisPerSheet: 50, years: 10, firstYear: 2016 };
let t = performance.now();
for (let i = 0; i < 100; i++) citySheets(i, scale);
console.log("gen 100 cities", performance.now() - t);
const fake = { execute: async () => ({ rows: [] }), transaction: async (f: any) => f(fake) } as any;
t = performance.now();
await bulkLoad(fake, scale);
console.log("gen+literal 100 cities", performance.now() - t);
