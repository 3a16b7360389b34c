/** A printed direction (方向性) cell, read by general-rows.ts and card-kpi.ts. */
import type { PrintedDirection } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** 方向性: 増加 / 減少 / 維持 (arrows too). */
export function readDirection(text: string): PrintedDirection | null | undefined {
  const t = squash(text);
  if (t === "" || /^[-‐－―ー−]$/.test(t)) return null;
  if (/^(増加|増|上昇|向上|↑|↗|⇗|⇧|拡大|増やす)/.test(t)) return { direction: "increase", label: t };
  if (/^(減少|減|低下|↓|↘|⇘|⇩|縮小|減らす|抑制)/.test(t)) return { direction: "decrease", label: t };
  if (/^(維持|→|⇒|現状維持|横ばい)/.test(t)) return { direction: "maintain", label: t };
  return undefined;
}
