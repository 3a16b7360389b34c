/**
 * Hand-written SVG charts (no script, no external request): they print into the PDF as vectors
 * with selectable text and open from file://.
 */
import { CATEGORY_LABELS_JA, type Category } from "../core/sheet.ts";
import { formatCompact } from "../core/value/format.ts";
import { esc } from "./html.ts";
import { CATEGORIES, type Counts, type GoalSummary } from "./summary.ts";

/** Colours with at least 4.5:1 contrast against white text (the counts printed on the bars); labels always accompany them. */
export const CATEGORY_COLORS: Record<Category | "none", string> = {
  on_track: "#1a7f37",
  mostly_on_track: "#2f6fb0",
  delayed: "#c9372c",
  not_evaluable: "#6e7781",
  none: "#d0d7de",
};

const FONT = `font-family="'Noto Sans CJK JP', 'Noto Sans JP', sans-serif"`;
const KEYS: readonly (Category | "none")[] = [...CATEGORIES, "none"];
const labelOf = (k: Category | "none") => (k === "none" ? "未算定" : CATEGORY_LABELS_JA[k]);

/**
 * An element id made from what the chart shows (FNV-1a of its title and data), not from a counter: the
 * same sheet renders to the same bytes every time, whoever asks and however often (a module-level
 * counter made every print of one sheet differ).
 */
const idOf = (prefix: string, content: unknown) => {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(content)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `${prefix}-${h.toString(36)}`;
};

/**
 * Stacked horizontal bars: for each 大基本目標, one bar of stated counts (記載) and one of computed
 * counts (算定), split by category.
 */
export function summaryChartSvg(
  goals: readonly GoalSummary[],
  opts: { width?: number; title?: string } = {},
) {
  const width = opts.width ?? 600;
  const labelW = 44;
  const barH = 18;
  const groupH = 22 + barH * 2 + 16;
  const legendRows = 2;
  const top = legendRows * 20 + 8;
  const height = top + goals.length * groupH;
  const max = Math.max(1, ...goals.map((g) => g.total));
  const scale = (width - labelW - 10) / max;
  const title = opts.title ?? "大基本目標別の進捗評価（記載・算定）";
  const id = idOf("summary-chart", [title, goals]);
  const parts: string[] = [];
  // Legend, two rows.
  KEYS.forEach((k, i) => {
    const lx = (i % 3) * 170;
    const ly = Math.floor(i / 3) * 20;
    parts.push(
      `<rect x="${lx}" y="${ly + 3}" width="14" height="14" fill="${CATEGORY_COLORS[k]}"/>`,
      `<text x="${lx + 19}" y="${ly + 15}" font-size="13" fill="#1f2328">${esc(labelOf(k))}</text>`,
    );
  });
  goals.forEach((g, i) => {
    const y0 = top + i * groupH;
    parts.push(
      `<text x="0" y="${y0 + 15}" font-size="14" font-weight="bold" fill="#1f2328">${esc(`${g.goal.no} ${truncate(g.goal.title, 36)}`)}（${g.total}件）</text>`,
    );
    const bars: [string, Counts][] = [
      ["記載", g.stated],
      ["算定", g.computed],
    ];
    bars.forEach(([name, counts], j) => {
      const y = y0 + 22 + j * (barH + 3);
      parts.push(`<text x="0" y="${y + barH - 4}" font-size="13" fill="#1f2328">${name}</text>`);
      let x = labelW;
      for (const k of KEYS) {
        const n = counts[k];
        if (n === 0) continue;
        const w = n * scale;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${CATEGORY_COLORS[k]}"><title>${esc(`${g.goal.title} ${name} ${labelOf(k)}: ${n}件`)}</title></rect>`,
        );
        if (w >= 16)
          parts.push(
            `<text x="${(x + w / 2).toFixed(1)}" y="${y + barH - 4}" font-size="13" text-anchor="middle" fill="${k === "none" ? "#1f2328" : "#ffffff"}">${n}</text>`,
          );
        x += w;
      }
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}><title id="${id}">${esc(title)}</title>${parts.join("")}</svg>`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface SeriesPoint {
  x: number;
  y: number;
  /** Shown in the point's tooltip. */
  label: string;
}

export interface Series {
  name: string;
  points: SeriesPoint[];
  style: "actual" | "target" | "final";
  color: string;
}

/** A line chart of yearly values: actuals solid with dots, targets dashed, final target as a star. */
export function lineChartSvg(
  series: readonly Series[],
  opts: { title: string; unit?: string | null; width?: number },
) {
  const width = opts.width ?? 560;
  const plotH = 260;
  const m = { left: 60, right: 20, top: 30, bottom: 40 };
  const pts = series.flatMap((s) => s.points);
  const id = idOf("kpi-chart", [opts.title, series]);
  if (pts.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${width} 60" width="${width}" height="60" ${FONT}><title id="${id}">${esc(opts.title)}</title><text x="0" y="30" font-size="13" fill="#57606a">数値で表せる値がないため、グラフはありません。</text></svg>`;
  }
  const xs = pts.map((p) => p.x);
  const xMin = Math.min(...xs) - 0.5;
  const xMax = Math.max(...xs) + 0.5;
  const yMaxRaw = Math.max(...pts.map((p) => p.y), 0);
  const yMinRaw = Math.min(...pts.map((p) => p.y), 0);
  const ticks = niceTicks(yMinRaw, yMaxRaw === yMinRaw ? yMinRaw + 1 : yMaxRaw);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  m.left = Math.max(48, ...ticks.map((t) => textWidth(formatCompact(t)) + 14));
  const px = (x: number) => m.left + ((x - xMin) / (xMax - xMin)) * (width - m.left - m.right);
  const py = (y: number) => m.top + (1 - (y - yMin) / (yMax - yMin)) * (plotH - m.top - m.bottom);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${m.left}" x2="${width - m.right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${m.left - 6}" y="${(py(t) + 4).toFixed(1)}" font-size="13" text-anchor="end" fill="#57606a">${esc(formatCompact(t))}</text>`,
    );
  }
  for (let x = Math.ceil(xMin); x <= xMax; x++) {
    parts.push(
      `<text x="${px(x).toFixed(1)}" y="${plotH - m.bottom + 18}" font-size="13" text-anchor="middle" fill="#57606a">${x}</text>`,
    );
  }
  if (opts.unit) parts.push(`<text x="4" y="14" font-size="13" fill="#57606a">（${esc(opts.unit)}）</text>`);
  for (const s of series) {
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    if (s.style !== "final" && sorted.length > 1) {
      const d = sorted
        .map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
        .join(" ");
      parts.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.style === "target" ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
    }
    for (const p of sorted) {
      const cx = px(p.x).toFixed(1);
      const cy = py(p.y).toFixed(1);
      const tip = `<title>${esc(`${s.name} ${p.label}`)}</title>`;
      if (s.style === "final")
        parts.push(
          `<path d="M${cx},${(py(p.y) - 7).toFixed(1)} l6,12 h-12 z" fill="${s.color}">${tip}</path>`,
        );
      else if (s.style === "target")
        parts.push(
          `<rect x="${(px(p.x) - 4).toFixed(1)}" y="${(py(p.y) - 4).toFixed(1)}" width="8" height="8" fill="#ffffff" stroke="${s.color}" stroke-width="2">${tip}</rect>`,
        );
      else parts.push(`<circle cx="${cx}" cy="${cy}" r="4.5" fill="${s.color}">${tip}</circle>`);
    }
  }
  // Legend under the axis, wrapped into rows.
  let lx = m.left;
  let ly = plotH - m.bottom + 46;
  for (const s of series) {
    const w = 34 + s.name.length * 13;
    if (lx + w > width && lx > m.left) {
      lx = m.left;
      ly += 20;
    }
    const mark =
      s.style === "final"
        ? `<path d="M${lx + 6},${ly - 6} l6,12 h-12 z" fill="${s.color}"/>`
        : s.style === "target"
          ? `<line x1="${lx}" x2="${lx + 14}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" stroke-dasharray="4 3"/>`
          : `<circle cx="${lx + 6}" cy="${ly}" r="4.5" fill="${s.color}"/>`;
    parts.push(
      mark,
      `<text x="${lx + 18}" y="${ly + 4}" font-size="13" fill="#1f2328">${esc(s.name)}</text>`,
    );
    lx += w;
  }
  const height = ly + 14;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}><title id="${id}">${esc(opts.title)}</title>${parts.join("")}</svg>`;
}

/** Rough width in px of 13px text: Latin digits about 7.5px, CJK about 13px. */
const textWidth = (t: string) => [...t].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 7.5 : 13), 0);

/** Round tick values covering [min, max], 4–6 of them. */
export function niceTicks(min: number, max: number): number[] {
  const span = max - min;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => span / s <= 5) ?? 10 * mag) as number;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
