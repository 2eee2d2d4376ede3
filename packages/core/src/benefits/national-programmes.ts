// The national programmes with the national minimum amounts, as published (see the project's benefit
// reference table). A county raises an amount with withNewSchedule or adds its own programme under its
// division-code prefix; it never edits these. Figures marked verified: false need the county's
// confirmation before money is paid on them.
import { fenFromYuan } from './money';
import type { ProgrammeDefinition } from './programme';
import { allOf, anyOf, factRule } from './rules';

/** Born on or after this day (奖扶 and 特扶). */
const BORN_FROM = '1933-01-01';

/** 农村部分计划生育家庭奖励扶助: a yearly amount per parent, paid until death. */
export const rewardAssistanceProgramme: ProgrammeDefinition = {
  code: 'jiangfu',
  name: '农村部分计划生育家庭奖励扶助',
  shortName: '奖扶',
  documentNumber: '国办发〔2004〕21号；《人口与计划生育法》第三十一条',
  regionPrefix: '',
  validFrom: '2004-01-01',
  validTo: null,
  beneficiary: 'person',
  paymentPeriod: 'yearly',
  eligibility: allOf([
    factRule('ruralHukou', 'eq', true, '农村户籍（农业户口；居民户口按本地农村居民认定）'),
    factRule('birthDate', 'gte', BORN_FROM, '1933年1月1日以后出生'),
    factRule('age', 'gte', 60, '年满60周岁'),
    factRule(
      'qualifyingHistory1973To2001',
      'eq',
      true,
      '1973—2001年间无违反当时政策的生育（申报并有证明，可申诉）',
    ),
    anyOf(
      [
        factRule('livingChildren', 'eq', 1, '现有一个子女'),
        allOf(
          [factRule('livingChildren', 'eq', 2), factRule('livingChildrenAllDaughters', 'eq', true)],
          '现有两个女孩',
        ),
        allOf(
          [factRule('childrenEver', 'gte', 1), factRule('livingChildren', 'eq', 0)],
          '子女死亡，现无存活子女',
        ),
      ],
      '子女情况',
    ),
  ]),
  categories: [
    {
      code: 'standard',
      name: '奖励扶助金',
      schedules: [
        {
          effectiveFrom: '2004-01-01',
          amountFen: fenFromYuan(600),
          basis: 'per_year',
          source: '奖扶 amount: started at ¥600 a year (2004)',
          verified: true,
          note: '起始年 2004；具体日期未载明，取 2004-01-01',
        },
        {
          effectiveFrom: '2012-01-01',
          amountFen: fenFromYuan(960),
          basis: 'per_year',
          source: '奖扶 amount: ¥960 a year reported as the current national minimum (unverified)',
          verified: false,
          note: '金额标注待核实；生效日期未载明，2012-01-01 为暂定，须县级确认',
        },
      ],
    },
  ],
  endsWhen: '死亡',
};

/** 计划生育家庭特别扶助: a monthly amount per parent of an only child who died or is severely disabled. */
export const specialAssistanceProgramme: ProgrammeDefinition = {
  code: 'tefu',
  name: '计划生育家庭特别扶助',
  shortName: '特扶',
  documentNumber: '《人口与计划生育法》第三十二条；全国特别扶助制度（2007—2008年建立）',
  regionPrefix: '',
  validFrom: '2008-01-01',
  validTo: null,
  beneficiary: 'person',
  paymentPeriod: 'monthly',
  eligibility: allOf([
    factRule('birthDate', 'gte', BORN_FROM, '1933年1月1日以后出生'),
    factRule('motherAge', 'gte', 49, '女方年满49周岁（单亲父亲为本人）'),
    factRule('childrenEver', 'eq', 1, '只生育或收养过一个子女'),
  ]),
  categories: [
    {
      code: 'child_died',
      name: '独生子女死亡',
      eligibility: factRule('livingChildren', 'eq', 0, '现无存活子女'),
      schedules: [
        {
          effectiveFrom: '2008-01-01',
          amountFen: fenFromYuan(450),
          basis: 'per_month',
          source: '特扶, child died: ¥590 a month per parent from 2022-07-01 (was ¥450)',
          verified: false,
          note: '2022-07-01 前的标准；起始日期未载明，仅供核对历史发放',
        },
        {
          effectiveFrom: '2022-07-01',
          amountFen: fenFromYuan(590),
          basis: 'per_month',
          source: '特扶, child died: ¥590 a month per parent from 2022-07-01',
          verified: true,
        },
      ],
    },
    {
      code: 'child_disabled',
      name: '独生子女伤残',
      eligibility: allOf(
        [factRule('livingChildren', 'eq', 1), factRule('mostSevereChildDisabilityGrade', 'between', [1, 3])],
        '独生子女持一至三级残疾人证',
      ),
      schedules: [
        {
          effectiveFrom: '2008-01-01',
          amountFen: fenFromYuan(350),
          basis: 'per_month',
          source: '特扶, child disabled: ¥460 a month per parent from 2022-07-01 (was ¥350)',
          verified: false,
          note: '2022-07-01 前的标准；起始日期未载明，仅供核对历史发放',
        },
        {
          effectiveFrom: '2022-07-01',
          amountFen: fenFromYuan(460),
          basis: 'per_month',
          source: '特扶, child disabled: ¥460 a month per parent from 2022-07-01',
          verified: true,
        },
      ],
    },
  ],
  endsWhen: '死亡；通常另有再生育或收养子女时终止；伤残等级变化时重新认定',
};

/**
 * 育儿补贴: ¥3,600 a year per child, by month from the month after birth through the month of the third
 * birthday, never before 2025-01 (validFrom); paid yearly, applied for at the child's hukou place.
 */
export const childcareSubsidyProgramme: ProgrammeDefinition = {
  code: 'yuer_butie',
  name: '育儿补贴',
  shortName: '育儿补贴',
  documentNumber: '《育儿补贴制度实施方案》（2025-07-28）；《育儿补贴制度管理规范（试行）》',
  regionPrefix: '',
  validFrom: '2025-01-01',
  validTo: null,
  beneficiary: 'person',
  paymentPeriod: 'yearly',
  eligibility: factRule('monthsSinceBirthMonth', 'between', [1, 36], '出生次月起至满3周岁当月'),
  categories: [
    {
      code: 'standard',
      name: '育儿补贴',
      schedules: [
        {
          effectiveFrom: '2025-01-01',
          amountFen: fenFromYuan(3600),
          basis: 'per_year',
          source: '育儿补贴: ¥3,600 per child per year = ¥300 a month',
          verified: true,
        },
      ],
    },
  ],
  endsWhen: '满3周岁；死亡',
  ageLimit: 3,
};

export const nationalProgrammes: readonly ProgrammeDefinition[] = [
  rewardAssistanceProgramme,
  specialAssistanceProgramme,
  childcareSubsidyProgramme,
];
