// The architecture's arrows point inward only: core <- sheet, store, report <- server, cli.
// `npm run lint` fails on a wrong arrow.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "src/core is the pure domain: no I/O, runs in the browser. It imports only itself (and csv-stringify's pure sync API).",
      severity: "error",
      from: { path: "^src/core/", pathNot: "\\.test\\.ts$" },
      // csv-stringify's sync API is pure string work: the one CSV writer (core/csv.ts) uses it.
      to: { pathNot: ["^src/core/", "^node_modules/csv-stringify/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "core-no-node-builtins",
      comment: "Tests of the core may read fixture files; the core itself may not touch node: modules.",
      severity: "error",
      from: { path: "^src/core/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "middle-layer-only-core",
      comment:
        "sheet, store and report may import core (and third-party packages), not each other's outer layers.",
      severity: "error",
      from: { path: "^src/(sheet|store|report)/" },
      to: { path: "^src/(server|cli)/" },
    },
    {
      name: "store-not-sheet-or-report",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(sheet|report)/" },
    },
    {
      name: "report-not-store",
      comment: "report renders sheet/1 data handed to it; it does not query the database.",
      severity: "error",
      from: { path: "^src/report/" },
      to: { path: "^src/store/" },
    },
    {
      name: "server-not-cli",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "cli-not-server-internals",
      comment: "cli reaches the server only through its composition root and app factory.",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/server/(?!app|index|services)" },
    },
    {
      name: "web-only-core",
      comment: "The browser bundle may share the pure core, nothing with I/O.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/(?!core/)" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(node_modules|/dist/|^web/dist)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
