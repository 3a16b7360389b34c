/**
 * Refuses weak and common passwords that a person chose (an admin setting one, a user changing
 * theirs): zxcvbn-ts with its common-password and keyboard dictionaries, score at least
 * MIN_PASSWORD_SCORE of 4, and the reason in Japanese. Generated passwords are not checked (89 bits).
 */
import { type OptionsType, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { SoseiError } from "../core/errors.ts";

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0–4 scale; 3 = "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

const ja = {
  warnings: {
    straightRow: "キーボードで横に並んだキーの並びは推測されやすいです。",
    keyPattern: "キーボード上の短いパターンは推測されやすいです。",
    simpleRepeat: "「aaa」のような同じ文字の繰り返しは推測されやすいです。",
    extendedRepeat: "「abcabcabc」のような繰り返しは推測されやすいです。",
    sequences: "「abc」「1234」のような連続した並びは推測されやすいです。",
    recentYears: "最近の年は推測されやすいです。",
    dates: "日付は推測されやすいです。",
    topTen: "よく使われるパスワードの上位10件に入っています。",
    topHundred: "よく使われるパスワードの上位100件に入っています。",
    common: "よく使われるパスワードです。",
    similarToCommon: "よく使われるパスワードに似ています。",
    wordByItself: "単語ひとつだけでは推測されやすいです。",
    namesByThemselves: "名前や姓だけでは推測されやすいです。",
    commonNames: "よくある名前や姓は推測されやすいです。",
    userInputs: "ログインIDや氏名などの個人的な情報を含めないでください。",
    pwned: "このパスワードは過去の情報漏えいで流出しています。",
  },
  suggestions: {
    l33t: "「a」を「@」にするような予測しやすい置き換えは避けてください。",
    reverseWords: "よく使われる単語を逆さにしただけの綴りは避けてください。",
    allUppercase: "全部ではなく一部の文字を大文字にしてください。",
    capitalization: "先頭以外にも大文字を混ぜてください。",
    dates: "自分に関係のある日付や年は避けてください。",
    recentYears: "最近の年は避けてください。",
    associatedYears: "自分に関係のある年は避けてください。",
    sequences: "よくある文字の並びは避けてください。",
    repeated: "単語や文字の繰り返しは避けてください。",
    longerKeyboardPattern: "長めのキーボードパターンを使い、打つ方向を何度か変えてください。",
    anotherWord: "あまり使われない単語を足してください。",
    useWords: "関係のない単語をいくつか並べてください。",
    noNeed: "記号や数字や大文字がなくても強いパスワードは作れます。",
    pwned: "ほかの場所でもこのパスワードを使っているなら変更してください。",
  },
  timeEstimation: {
    ltSecond: "1秒未満",
    second: "{base}秒",
    seconds: "{base}秒",
    minute: "{base}分",
    minutes: "{base}分",
    hour: "{base}時間",
    hours: "{base}時間",
    day: "{base}日",
    days: "{base}日",
    month: "{base}か月",
    months: "{base}か月",
    year: "{base}年",
    years: "{base}年",
    centuries: "数百年以上",
  },
} satisfies OptionsType["translations"];

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations: ja });

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  /** Why it is refused, in Japanese (empty when ok). */
  reason: string;
}

/** Judges a password a person chose; `userInputs` (login id, display name) count as guessable. */
export function judgePassword(password: string, userInputs: string[] = []): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { ok: false, score: 0, reason: `${MIN_PASSWORD_LENGTH}文字以上にしてください。` };
  // zxcvbn's cost grows with length; past 100 characters a password is long enough by itself.
  const r = zxcvbn.check(password.slice(0, 100), userInputs.filter(Boolean));
  if (r.score >= MIN_PASSWORD_SCORE) return { ok: true, score: r.score, reason: "" };
  const why = [r.feedback.warning, ...r.feedback.suggestions].filter(Boolean).join(" ");
  return {
    ok: false,
    score: r.score,
    reason: why || "推測されやすいパスワードです。単語をいくつか組み合わせた長いものにしてください。",
  };
}

/** Throws weak_password (400) with the reason when `password` is too weak. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const v = judgePassword(password, userInputs);
  if (!v.ok)
    throw new SoseiError("weak_password", `このパスワードは使えません: ${v.reason}`, {
      field: "password",
      score: v.score,
    });
}
