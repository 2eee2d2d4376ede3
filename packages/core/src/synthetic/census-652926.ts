// Defaults calibrated to 拜城县 (652926), copied from the 7th national census (2020-11-01) county
// table (China Population Census Yearbook 2020, compiled by Lei Dong et al., github.com/leiii/census,
// MIT). The product never reads the source file; these constants are the copy.

export const DEFAULT_COVERAGE = '652926';

/** Upper bounds (exclusive) of the census age groups: 0, 1–4, 5–9, …, 80–84; the last group is 85+. */
export const AGE_GROUP_STARTS = [
  0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85,
] as const;

/** Oldest age generated in the open group 85+. */
export const MAX_AGE = 99;

export interface CensusPyramid {
  /** Persons by age group (AGE_GROUP_STARTS), males. */
  male: readonly number[];
  female: readonly number[];
}

/** 拜城县, 2020 census: population by sex and age group (人口数 by 0岁, 1到4岁, 5到9岁 … 85岁以上). */
export const BAICHENG_PYRAMID: CensusPyramid = {
  male: [
    797, 5760, 12886, 9807, 6274, 6116, 9491, 11975, 10340, 8571, 9562, 9045, 6366, 4149, 3065, 2598, 1467,
    699, 358,
  ],
  female: [
    756, 5407, 12173, 9185, 5597, 5388, 9199, 11516, 9640, 7879, 8740, 8369, 6187, 3662, 2883, 2735, 1481,
    660, 330,
  ],
};

/** 人口数_合计: the default number of persons. */
export const BAICHENG_POPULATION = 231_113;

/** 少数民族人口比重 81.55 %; the county's minorities are overwhelmingly 维吾尔 (05). */
export const BAICHENG_MINORITY_SHARE = 0.8155;

/** 户规模 (persons per family household). */
export const BAICHENG_HOUSEHOLD_SIZE = 2.98;

/** Marital status of persons 15+ (long form sample: 未婚 3180, 有配偶 11999, 离婚 711, 丧偶 908 of 16798). */
export const BAICHENG_MARITAL_SHARES = {
  never: 0.189,
  married: 0.714,
  divorced: 0.042,
  widowed: 0.054,
} as const;

/** 15-64岁妇女平均活产子女数. */
export const BAICHENG_MEAN_CHILDREN_EVER_BORN = 1.76;

/**
 * 人户分离 (hukou registered elsewhere than the residence), as shares of the population:
 * another township of the county 19524, another county of the province 5901, another province 18674.
 */
export const BAICHENG_HUKOU_ELSEWHERE = {
  township: 19524 / 231113,
  county: 5901 / 231113,
  province: 18674 / 231113,
} as const;
