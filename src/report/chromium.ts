/**
 * Starting Debian's Chromium through playwright-core (no downloaded browser). SOSEI_CHROMIUM
 * overrides the path. A missing browser is SoseiError('chromium_missing') with how to install it.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { SoseiError } from "../core/errors.ts";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const chromiumPath = (): string => process.env.SOSEI_CHROMIUM ?? "/usr/bin/chromium";

const missing = (path: string, detail?: string) =>
  new SoseiError(
    "chromium_missing",
    `Chromium が見つかりません (${path})。\`apt-get install chromium fonts-noto-cjk\` でインストールするか、環境変数 SOSEI_CHROMIUM に実行ファイルのパスを設定してください。 / Chromium not found: install it with \`apt-get install chromium fonts-noto-cjk\` or set SOSEI_CHROMIUM.`,
    detail ? { path, detail } : { path },
  );

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw missing(executablePath);
  try {
    // playwright-core loads only when a browser is started, not with every command.
    const { chromium } = await import("playwright-core");
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (e) {
    throw missing(executablePath, (e as Error).message.split("\n")[0]);
  }
}
