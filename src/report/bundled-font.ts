/**
 * The Japanese font printed into Sosei's PDFs: Noto Sans JP from the npm package
 * @fontsource/noto-sans-jp (SIL Open Font License), regular and bold. The package splits the font
 * into ~120 unicode-range subsets per weight; the print HTML declares them all with @font-face and
 * Chromium fetches only the subsets the page uses. The URLs point at a made-up origin that
 * htmlToPdf answers from node_modules (bundledFontFile), so no network and no host font is involved.
 *
 * Why the woff2 subsets work: they are TrueType-outlined (glyf), which Chromium's PDF backend
 * (Skia) embeds as CIDFontType2. The distribution's Noto Sans CJK (CFF outlines, fonts-noto-cjk)
 * is what made Type 3 fonts: Skia cannot embed CFF and falls back to Type 3 glyph procedures.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The family name used in the print CSS (distinct from any host font of the same name). */
export const BUNDLED_FONT_FAMILY = "Sosei Noto Sans JP";
export const BUNDLED_FONT_ORIGIN = "https://fonts.sosei.invalid/";
const WEIGHTS = [400, 700] as const;

const require = createRequire(import.meta.url);
const packageDir = (): string => path.dirname(require.resolve("@fontsource/noto-sans-jp/package.json"));

let cachedCss: string | null = null;

/** @font-face rules for every subset of the bundled weights, with URLs under BUNDLED_FONT_ORIGIN. */
export function bundledFontCss(): string {
  if (cachedCss !== null) return cachedCss;
  const dir = packageDir();
  const css = WEIGHTS.map((w) => readFileSync(path.join(dir, `${w}.css`), "utf8"))
    .join("\n")
    .replaceAll("font-family: 'Noto Sans JP'", `font-family: '${BUNDLED_FONT_FAMILY}'`)
    .replaceAll("font-display: swap", "font-display: block")
    // Only the woff2 of each subset: one file per subset, fetched from our origin.
    .replace(/src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)[^;]*;/g, (_m, file: string) => {
      return `src: url(${BUNDLED_FONT_ORIGIN}${file}) format('woff2');`;
    });
  cachedCss = css;
  return css;
}

/** The bytes of a subset file requested by the page, or null for anything else. */
export function bundledFontFile(url: string): Buffer | null {
  const name = url.slice(BUNDLED_FONT_ORIGIN.length);
  if (!/^noto-sans-jp-[a-z0-9-]+-(400|700)-normal\.woff2$/.test(name)) return null;
  try {
    return readFileSync(path.join(packageDir(), "files", name));
  } catch {
    return null;
  }
}
