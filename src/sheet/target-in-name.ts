/**
 * 「空き家バンク登録件数10件」 (枝幸町's 効果検証): the KPI's cell printing the name and, glued after it, the figure
 * the plan aims at — read so only in a table with no target column (where else would the target be);
 * the name must end in words, the figure be whole with a counter's unit (「件」「人」「ha」). Names that
 * merely end in a figure of their own (「第3子」, 「65歳以上」, 「1人当たり」) do not end in a counter after digits.
 */
const GLUED =
  /^(.*[^\d\s,.、。(（])\s*(\d[\d,]*(?:\.\d+)?\s*(?:件|人|回|社|戸|棟|店舗|団体|世帯|か所|箇所|ha|人日|千人|万人|%|％))$/u;

/** The name and the glued figure, or null when the cell does not end so. */
export function targetAfterName(cell: string): { name: string; figure: string } | null {
  const m = GLUED.exec(cell.trim());
  if (!m || [...m[1]!].length < 4) return null;
  // 「年間10件」: a name that is only a period before its figure is none.
  if (/^(年間|毎年|累計|延べ)$/.test(m[1]!.trim())) return null;
  return { name: m[1]!.trim(), figure: m[2]!.replace(/\s/g, "") };
}
