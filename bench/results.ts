/** The benchmark report: machine, commit, sections of tables, and targets with PASS/MISS → bench/RESULTS.md. */
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})${osRelease()}`,
  };
}

function osRelease(): string {
  try {
    const text = execFileSync("cat", ["/etc/os-release"], { encoding: "utf8" });
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text);
    return m ? `, ${m[1]}` : "";
  } catch {
    return "";
  }
}

/** `git rev-parse --short HEAD`, with "+dirty" when the work tree has changes. */
export function commit(cwd: string): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+dirty` : head;
  } catch {
    return "unknown (not a git work tree)";
  }
}

export interface Table {
  head: string[];
  rows: string[][];
}

export interface Section {
  title: string;
  /** What was measured and how (one paragraph). */
  method: string;
  tables: Table[];
  notes?: string[];
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  /** null: not measured (skipped), with the reason in `measured`. */
  pass: boolean | null;
  /** For a MISS: the profile's top lines and what would close the gap. */
  profile?: string[];
  close?: string;
}

export interface Report {
  title: string;
  date: string;
  commit: string;
  machine: Machine;
  scale: string;
  runs: string;
  totalMs: number;
  targets: Target[];
  sections: Section[];
}

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

export function markdownTable(t: Table): string {
  const lines = [`| ${t.head.map(cell).join(" | ")} |`, `| ${t.head.map(() => "---").join(" | ")} |`];
  for (const r of t.rows) lines.push(`| ${r.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

export const verdict = (t: Target): string => (t.pass === null ? "SKIPPED" : t.pass ? "PASS" : "MISS");

export function renderReport(r: Report): string {
  const m = r.machine;
  const out: string[] = [
    `# ${r.title}`,
    "",
    "Written by `npm run bench` (bench/run.ts). Do not edit by hand: run the bench again.",
    "",
    `- Date: ${r.date}`,
    `- Commit: ${r.commit}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GiB memory; Node ${m.node}; ${m.os}`,
    `- Scale: ${r.scale}`,
    `- Runs: ${r.runs}`,
    `- Whole bench: ${Math.round(r.totalMs / 1000)} s`,
    "",
    "## Targets",
    "",
    markdownTable({
      head: ["Target", "Goal", "Measured", "Result"],
      rows: r.targets.map((t) => [t.name, t.target, t.measured, verdict(t)]),
    }),
    "",
  ];
  const misses = r.targets.filter((t) => t.pass === false);
  if (misses.length > 0) {
    out.push("### Misses: profile and what would close the gap", "");
    for (const t of misses) {
      out.push(`#### ${t.name}`, "");
      if (t.profile?.length) out.push("```", ...t.profile, "```", "");
      if (t.close) out.push(t.close, "");
    }
  }
  for (const s of r.sections) {
    out.push(`## ${s.title}`, "", s.method, "");
    for (const t of s.tables) out.push(markdownTable(t), "");
    for (const n of s.notes ?? []) out.push(`- ${n}`);
    if (s.notes?.length) out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
