/**
 * Guard of round 56: the shape mashiko-ichiran's first reading took from the wrong column — a 達成率 printed per year
 * (「平成28年度」 and 「平成29年度」 each over 実績 | 達成率) read from another year's column than the actual's. The first
 * reading was refused only because more than half its rates disagreed with three KPIs or more (printed-rates.ts); a
 * sheet of one or two KPIs, or a slip in half of them, kept another year's rate with exit 0. Refused here (exit 2,
 * `implausible_reading`, the KPI named) when the rate read is the one of another year's actual of the same KPI and
 * not of the actual read — for at least half the KPIs that print several years' actuals and a rate.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { matches, readings } from "./printed-rates.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function round56Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  let checkable = 0;
  const off: { k: Kpi; year: number }[] = [];
  for (const k of sheet.kpis) {
    const rate = k.printedRate;
    if (typeof rate !== "number" || k.actual?.kind !== "number") continue;
    const own = k.actual;
    const others = (k.years ?? []).filter(
      (y) =>
        y.actual.kind === "number" &&
        y.actual.period.year !== own.period.year &&
        y.actual.value !== own.value,
    );
    if (others.length === 0) continue;
    checkable++;
    if (readings(k).some((r) => matches(rate, r))) continue;
    const other = others.find((y) => readings(k, y.actual).some((r) => matches(rate, r)));
    if (other) off.push({ k, year: other.year });
  }
  if (off.length === 0 || off.length * 2 < checkable) return null;
  const { k, year } = off[0]!;
  return (
    `${name(k)}の達成率 ${pct(k.printedRate!)} は ${year}年度の実績値から計算した値で、読み取った実績値(${k.actual.kind === "number" ? k.actual.period.year : "?"}年度)のものではありません` +
    "。年度ごとに達成率の列がある表で、別の年度の達成率を読んだおそれがあります"
  );
}
