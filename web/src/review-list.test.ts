import { describe, expect, it } from "vitest";
import type { Row } from "../../src/core/api/index.ts";
import { DEFAULT_FILTER, departmentsOf, filterRows, valueWithOwnPeriod } from "./review-list.ts";

const row = (n: number, state: Row["state"], deps: string[], extra: Partial<Row> = {}): Row =>
  ({
    id: `2023-${n}`,
    fiscalYear: 2023,
    row: n,
    department: deps[0]!,
    state,
    version: 1,
    updatedAt: "",
    computed: "on_track",
    disagreement: false,
    warnings: [],
    kpi: { departments: deps } as Row["kpi"],
    ...extra,
  }) as Row;

const rows = [
  row(1, "submitted", ["都市開発課"]),
  row(2, "draft", ["市街地整備課", "都市開発課"]),
  row(3, "submitted", ["市街地整備課"], { disagreement: true }),
  row(4, "approved", ["商工労働課"], { warnings: [{ code: "far_from_target", message: "x" }] }),
];

describe("the review list", () => {
  it("filters by department (co-owners too), state, disagreement and warnings", () => {
    const ids = (f: Partial<typeof DEFAULT_FILTER>) =>
      filterRows(rows, { ...DEFAULT_FILTER, ...f }).map((r) => r.row);
    expect(ids({})).toEqual([1, 3]);
    expect(ids({ state: "", department: "都市開発課" })).toEqual([1, 2]);
    expect(ids({ state: "", disagreement: true })).toEqual([3]);
    expect(ids({ state: "", warnings: true })).toEqual([4]);
    expect(ids({ state: "", sort: "state" })).toEqual([2, 1, 3, 4]);
    expect(departmentsOf(rows)).toEqual(["都市開発課", "市街地整備課", "商工労働課"]);
  });

  it("shows each value with its own period: 12,025億円（令和2年）", () => {
    expect(
      valueWithOwnPeriod({
        kind: "number",
        value: 1_202_500_000_000,
        unit: "円",
        period: { year: 2020, basis: "calendar" },
        raw: "12,025億円",
      }),
    ).toBe("12,025億円（令和2年）");
  });
});
