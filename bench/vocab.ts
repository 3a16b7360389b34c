/**
 * Words the generator assembles realistic sheets from. Written for Sosei (not copied from any
 * city's sheet): typical goal, measure, indicator and department names of a 総合戦略.
 */
export const GOALS = [
  "しごとの創生",
  "ひとの創生",
  "まちの創生",
  "デジタルの力を活用した地域づくり",
] as const;

export const SUBGOALS = [
  "地域経済の活性化と雇用の確保",
  "新しい人の流れをつくる",
  "結婚・出産・子育ての希望をかなえる",
  "次代を担う人材を育てる",
  "安全で暮らしやすいまちをつくる",
  "健康で生きがいのある暮らしの実現",
  "持続可能な地域交通の確保",
  "行政サービスのデジタル化",
] as const;

export const MEASURES = [
  "中小企業の経営基盤強化",
  "観光資源の磨き上げと情報発信",
  "移住・定住の促進",
  "子育て支援サービスの拡充",
  "学校教育の充実",
  "地域防災力の向上",
  "健康づくりの推進",
  "公共交通ネットワークの維持",
  "スマート農業の推進",
  "窓口手続のオンライン化",
  "空き家の適正管理と活用",
  "文化・スポーツによる交流の拡大",
] as const;

export const INITIATIVES = [
  "創業支援セミナーの開催",
  "事業承継の相談体制の整備",
  "観光案内所の機能強化",
  "地域資源を生かした体験型観光の推進",
  "移住体験住宅の運営",
  "オンライン移住相談の実施",
  "一時預かり事業の拡充",
  "病児保育の実施",
  "ICTを活用した授業の推進",
  "自主防災組織の結成支援",
  "特定健診の受診勧奨",
  "デマンド交通の運行",
  "ドローンを活用した農薬散布の実証",
  "電子申請システムの導入",
  "空き家バンクの運営",
  "市民マラソン大会の開催",
] as const;

export interface IndicatorTemplate {
  name: string;
  unit: string;
  /** Typical magnitude of the value in the printed unit. */
  base: number;
  decimals: number;
  /** Harm counted: the lower the better. */
  decrease?: boolean;
  /** Printed with 万 (e.g. 33万人). */
  man?: boolean;
  /** Printed with a 千 prefix (e.g. 20,000千円). */
  sen?: boolean;
  calendar?: boolean;
}

export const INDICATORS: readonly IndicatorTemplate[] = [
  { name: "創業支援による創業者数", unit: "人", base: 40, decimals: 0 },
  { name: "観光入込客数", unit: "人", base: 120, decimals: 1, man: true },
  { name: "移住相談件数", unit: "件", base: 300, decimals: 0 },
  { name: "合計特殊出生率", unit: "", base: 1.4, decimals: 2, calendar: true },
  { name: "病児保育の利用者数", unit: "人", base: 800, decimals: 0 },
  { name: "全国学力調査の平均正答率", unit: "%", base: 65, decimals: 1 },
  { name: "自主防災組織の結成率", unit: "%", base: 80, decimals: 1 },
  { name: "交通事故による死傷者数", unit: "人", base: 600, decimals: 0, decrease: true, calendar: true },
  { name: "刑法犯認知件数", unit: "件", base: 900, decimals: 0, decrease: true, calendar: true },
  { name: "特定健診受診率", unit: "%", base: 45, decimals: 1 },
  { name: "デマンド交通の年間利用者数", unit: "人", base: 15000, decimals: 0 },
  { name: "スマート農業導入経営体数", unit: "経営体", base: 25, decimals: 0 },
  { name: "電子申請可能な手続数", unit: "手続", base: 150, decimals: 0 },
  { name: "空き家バンク成約件数", unit: "件", base: 20, decimals: 0 },
  { name: "市内事業所の製造品出荷額", unit: "円", base: 4800, decimals: 0, sen: false, man: false },
  { name: "ふるさと納税寄附額", unit: "円", base: 350000, decimals: 0, sen: true },
  { name: "スポーツ施設の利用者数", unit: "人", base: 42, decimals: 1, man: true },
  { name: "火災発生件数", unit: "件", base: 60, decimals: 0, decrease: true, calendar: true },
] as const;

export const DEPARTMENTS = [
  "商工振興課",
  "観光交流課",
  "企画政策課",
  "こども未来課",
  "学校教育課",
  "危機管理室",
  "健康推進課",
  "交通政策課",
  "農林振興課",
  "デジタル推進室",
  "建築住宅課",
  "スポーツ振興課",
  "子育て支援センター",
  "市民協働推進部",
] as const;

export const STATUS_SENTENCES = [
  "関係機関と連携し、計画どおり事業を実施した。",
  "前年度の利用状況を踏まえ、実施回数を見直した。",
  "広報紙やSNSによる周知を強化した。",
  "新型コロナウイルス感染症の影響により、規模を縮小して実施した。",
  "民間事業者との協定に基づき、共同で取組を進めた。",
] as const;

export const REASONS = [
  "感染症の影響により、対面での事業を縮小したため。",
  "物価高騰の影響で事業費が不足したため。",
  "担い手の高齢化により、活動が縮小したため。",
] as const;

export const CHALLENGES = [
  "参加者の固定化が進んでおり、新たな層への周知が必要である。",
  "事業の効果を測る指標の見直しが必要である。",
  "人材の確保が難しくなっている。",
  "関係団体との役割分担を明確にする必要がある。",
] as const;

export const NEXT_STEPS = [
  "引き続き関係機関と連携し、事業の充実を図る。",
  "オンラインと対面を組み合わせた実施方法を検討する。",
  "利用者アンケートの結果を踏まえ、内容を改善する。",
] as const;
