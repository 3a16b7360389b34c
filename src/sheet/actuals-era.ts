/**
 * The era a sheet's bare years (「24年度」…「30年度」) are counted in, when its title names fiscal years of two
 * eras: 「令和元年度 施策評価調書(平成30年度実績)」 (瑞浪市) is made in 令和元年度 on the actuals of 平成30年度 — the
 * grid holds actuals, so its bare years are in the era of the year named with 実績 (平成), not the first named
 * (令和30年度 would be 2048, thirty years after the sheet was made).
 */
export function eraOfActuals(text: string): string | null {
  return /(令和|平成)\s*(?:\d{1,2}|元)\s*年度?\s*の?\s*実績/.exec(text)?.[1] ?? null;
}
