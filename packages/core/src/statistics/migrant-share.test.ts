import { describe, expect, it } from 'vitest';
import { isMigrant, migrantShare } from './migrant-share';

describe('migrant share', () => {
  it('compares townships, the first 9 digits, of the hukou and the residence', () => {
    expect(isMigrant({ residenceCode: '652926100201', hukouCode: '652926100203' })).toBe(false);
    expect(isMigrant({ residenceCode: '652926100201', hukouCode: '652926101001' })).toBe(true);
    // A move between districts of one city still counts (unlike the census's 流动人口).
    expect(isMigrant({ residenceCode: '650102001001', hukouCode: '650103002001' })).toBe(true);
  });

  it('is a percentage of residents, null when there are none', () => {
    const residents = [
      { residenceCode: '652926100201', hukouCode: '652926100201' },
      { residenceCode: '652926100201', hukouCode: '652926100203' },
      { residenceCode: '652926100201', hukouCode: '650102001001' },
      { residenceCode: '652926101001', hukouCode: '652926100201' },
    ];
    expect(migrantShare(residents)).toBe(50);
    expect(migrantShare([])).toBeNull();
  });
});
