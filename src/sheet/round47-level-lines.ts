/**
 * 「1. 基本目標:安定した雇用を創出するとともに、…」 (与那原町's アクションプラン, as a plan's chapters number their parts):
 * the number printed before the level's word and the title after a colon — the heading 「基本目標1 …」 in another
 * order. Only with the colon: 「1. 基本目標の達成状況」 or 「2. 基本目標」 alone names no level's title.
 */
const NUMBER_BEFORE_LEVEL =
  /^(\s*[■□◆◇●]?\s*)([0-9０-９]{1,2})\s*[.．、]\s*(大基本目標|基本目標|政策目標|基本戦略|基本施策|基本的方向|施策)\s*([:：])\s*(?=\S)/;

/** 「1. 基本目標:…」 as the heading 「基本目標1 …」 (a line above a table: heading-levels.ts). */
export const numberBeforeLevel = (text: string): string => text.replace(NUMBER_BEFORE_LEVEL, "$1$3$2 ");

/** 「2. 基本目標:…」 as the labelled heading 「基本目標2:…」 (a worksheet's row merged across: section-headings.ts). */
export const levelWordFirst = (text: string): string => text.replace(NUMBER_BEFORE_LEVEL, "$1$3$2$4");
