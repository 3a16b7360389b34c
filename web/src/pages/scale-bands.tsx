/**
 * A city's scale as a list, one line per mark: 「A：順調に進捗（100%以上） — 目標達成」. The same words
 * wherever a scale is shown: the import preview, the saved import settings and the sheet's legend.
 */
import type { Category, EvaluationScale } from "../../../src/core/sheet.ts";
import { formatRounded } from "../../../src/core/value/format.ts";
import { useI18n } from "../i18n.ts";
import { useImportText } from "../i18n-import.ts";

export function ScaleBands({ bands, className }: { bands: EvaluationScale["bands"]; className: string }) {
  const { t } = useI18n();
  const w = useImportText();
  return (
    <ul className={className}>
      {bands.map((b) => (
        <li key={`${b.label}-${b.category}`}>
          {w.imp.scaleBand(
            b.label,
            t.categories[b.category as Category],
            b.min === null ? null : `${formatRounded(b.min * 100, 1)}%`,
            b.meaning,
          )}
        </li>
      ))}
    </ul>
  );
}
