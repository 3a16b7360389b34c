/**
 * A cell of projects printed as bullets (綾町's 実績評価シート: 「・児童対策費・出生率向上対策」, each 「・」 once a
 * line of its own): the projects one by one. 「・」 is also the word separator inside a name (「妊婦・乳児健康診査」),
 * so a bullet is only a 「・」 opening the cell or a line, or one right after a word that ends a project's name
 * (…事業, …費, …対策, …計画, …制度, …プロジェクト, …補助金) — 「・妊婦・乳児健康診査」 stays one name.
 */
const ENDS_NAME = /(事業|費|対策|計画|制度|プロジェクト|補助金|交付金|助成)$/;

export function projectNames(text: string): string[] {
  const lines = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (!lines.some((l) => /^[・･]/.test(l))) return [text];
  const names: string[] = [];
  for (const line of lines) {
    const parts = line.replace(/^[・･]\s*/, "").split(/[・･]/);
    let current = parts[0]!;
    for (const part of parts.slice(1)) {
      if (ENDS_NAME.test(current.trim()) && part.trim() !== "") {
        names.push(current.trim());
        current = part;
      } else current = `${current}・${part}`;
    }
    names.push(current.trim());
  }
  return names.filter((n) => n !== "");
}
