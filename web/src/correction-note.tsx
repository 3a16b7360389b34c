/**
 * The dated 訂正 note of a published value corrected afterwards, naming the value published before:
 * under the KPI on the sheet, on the KPI page and beside each corrected year of its history.
 */
import type { Row } from "../../src/core/api/index.ts";
import { formatValueJa } from "../../src/core/value/format.ts";
import { useI18n } from "./i18n.ts";

/** 2026年12月2日 (the day in Japan). */
const dayJa = (iso: string) => {
  const [y, m, d] = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10).split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
};

export function CorrectionNote({ row }: { row: Pick<Row, "corrections"> }) {
  const { lang } = useI18n();
  const done = (row.corrections ?? []).filter((n) => n.republishedAt);
  if (done.length === 0) return null;
  return (
    <>
      {done.map((n) => (
        <span key={n.openedAt} className="correction-note">
          {lang === "en"
            ? `Corrected (${n.republishedAt!.slice(0, 10)}): ${n.reason} (published before: ${formatValueJa(n.previousActual)})`
            : `訂正（${dayJa(n.republishedAt!)}）：${n.reason}（訂正前の実績値：${formatValueJa(n.previousActual)}）`}
        </span>
      ))}
    </>
  );
}
