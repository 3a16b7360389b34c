/**
 * Round 54 (新宮市's 進捗度): a rating printed as a row of stars — 「★★★★★」 for the top stage down to 「★」 —
 * each row one mark, the stage its number of stars (filled, or filled then empty: 「★★★☆☆」). The legend
 * keys are the same runs (「★★★★★:達成済、目標をほぼ達成(8割以上達成) ★★★★:ある程度達成…」), so a legend label
 * may be a run of two to five stars, tried before the single star (which would otherwise take only the run's
 * last star as the key, leaving the others in the meaning before it).
 */
export const STAR_RUN = "[★☆]{2,5}";
