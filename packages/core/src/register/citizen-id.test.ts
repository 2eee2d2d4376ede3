import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdCheckDigit, crossCheckCitizenId, normalizeCitizenId, parseCitizenId } from './citizen-id';
import { daysInMonth, formatDate } from './dates';

const today = { today: '2026-11-23' };
const seed = 20261123;

function withCheck(first17: string): string {
  return first17 + citizenIdCheckDigit(first17);
}

/** Any valid 18-character number: province prefix, 4 digits, a real birth date, 3-digit sequence. */
const validId = fc
  .record({
    province: fc.constantFrom('11', '31', '44', '65', '81'),
    area: fc.integer({ min: 0, max: 9999 }),
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, area, year, month, day, sequence }) => {
    const date = formatDate(year, month, Math.min(day, daysInMonth(year, month)));
    const first17 = `${province}${String(area).padStart(4, '0')}${date.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return { id: withCheck(first17), date, sex: sequence % 2 === 1 ? 1 : 2 };
  });

const toFullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('citizenIdCheckDigit', () => {
  it('computes ISO 7064 MOD 11-2', () => {
    expect(citizenIdCheckDigit('11010519491231002')).toBe('X');
    expect(citizenIdCheckDigit('44052418800101001')).toBe('4');
  });
  it('refuses anything but 17 digits', () => {
    expect(() => citizenIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => citizenIdCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('normalizeCitizenId', () => {
  it.each([
    [' 11010519491231002x ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['110105 1949 1231 002X', '11010519491231002X'],
    ['\u3000110105194912310 02X\u3000', '11010519491231002X'],
  ])('normalises %j', (raw, expected) => {
    expect(normalizeCitizenId(raw)).toBe(expected);
  });
});

describe('parseCitizenId', () => {
  it('reads a valid number', () => {
    expect(parseCitizenId('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 2,
      regionCode: '110105',
      upgradedFrom15: false,
    });
  });

  it('upgrades a 15-digit number to 18', () => {
    expect(parseCitizenId('110105491231002', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 2,
      regionCode: '110105',
      upgradedFrom15: true,
    });
  });

  it('accepts full-width input and a lower-case x', () => {
    const fullWidth = parseCitizenId('１１０１０５１９４９１２３１００２Ｘ', today);
    const lowerX = parseCitizenId('11010519491231002x', today);
    expect(fullWidth.ok && fullWidth.value).toBe('11010519491231002X');
    expect(lowerX.ok && lowerX.value).toBe('11010519491231002X');
  });

  it('reads the sex from the 17th digit', () => {
    const male = parseCitizenId(withCheck('11010519491231001'), today);
    expect(male.ok && male.sex).toBe(1);
  });

  it('accepts 29 February 2000 and refuses 29 February 1900', () => {
    expect(parseCitizenId(withCheck('11010520000229001'), today)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(parseCitizenId(withCheck('11010519000229001'), today)).toMatchObject({
      ok: false,
      problem: 'date',
    });
  });

  it.each([
    ['1101051949123100', 'length'],
    ['', 'length'],
    ['11010519491231002XX', 'length'],
    ['1101051949123100XX', 'characters'],
    ['11010519491231002A', 'characters'],
    ['11010549123100X', 'characters'],
    ['110105194912310021', 'check_digit'],
  ])('refuses %j: %s', (raw, problem) => {
    const result = parseCitizenId(raw, today);
    expect(result).toMatchObject({ ok: false, problem });
    expect(!result.ok && result.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an unknown province, an impossible date and a birth after today', () => {
    expect(parseCitizenId(withCheck('99010519491231002'), today)).toMatchObject({ problem: 'region' });
    expect(parseCitizenId(withCheck('11010519491331002'), today)).toMatchObject({ problem: 'date' });
    expect(parseCitizenId(withCheck('11010517991231002'), today)).toMatchObject({ problem: 'date' });
    expect(parseCitizenId(withCheck('11010520261124002'), today)).toMatchObject({ problem: 'future_date' });
    expect(parseCitizenId(withCheck('11010520261123002'), today)).toMatchObject({ ok: true });
  });

  it('refuses a 15-digit number with an impossible date', () => {
    expect(parseCitizenId('110105490229002', today)).toMatchObject({ problem: 'date' });
    expect(parseCitizenId('110105480229002', today)).toMatchObject({ ok: true, birthDate: '1948-02-29' });
  });
});

describe('crossCheckCitizenId', () => {
  const parsed = parseCitizenId('11010519491231002X', today);
  if (!parsed.ok) throw new Error('fixture');

  it('is silent when birth date and sex agree or are unknown', () => {
    expect(crossCheckCitizenId(parsed, { birthDate: '1949-12-31', sex: 2 })).toEqual([]);
    expect(crossCheckCitizenId(parsed, { birthDate: null, sex: null })).toEqual([]);
    expect(crossCheckCitizenId(parsed, {})).toEqual([]);
  });

  it('warns, never fixes, when they disagree', () => {
    const warnings = crossCheckCitizenId(parsed, { birthDate: '1949-12-30', sex: 1 });
    expect(warnings.map((warning) => warning.code)).toEqual(['ID_BIRTH_DATE_MISMATCH', 'ID_SEX_MISMATCH']);
    expect(warnings.every((warning) => warning.field === 'id_number')).toBe(true);
  });
});

describe('citizen ID properties', () => {
  it('a generated valid number parses to itself, its date and its sex', () => {
    fc.assert(
      fc.property(validId, ({ id, date, sex }) => {
        const parsed = parseCitizenId(id, today);
        return parsed.ok && parsed.value === id && parsed.birthDate === date && parsed.sex === sex;
      }),
      { seed },
    );
  });

  it('full-width, lower-case and spaced writings parse to the same number', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        const written = ` ${toFullWidth(id.slice(0, 9))} ${id.slice(9).toLowerCase()} `;
        const parsed = parseCitizenId(written, today);
        return parsed.ok && parsed.value === id;
      }),
      { seed },
    );
  });

  it('any single-digit change in the first 17 digits breaks the check digit', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        ({ id }, position, shift) => {
          const digit = (Number(id.charAt(position)) + shift) % 10;
          const changed = id.slice(0, position) + String(digit) + id.slice(position + 1);
          const parsed = parseCitizenId(changed, today);
          return !parsed.ok && parsed.problem === 'check_digit';
        },
      ),
      { seed },
    );
  });

  it('a 15-digit number upgrades to the 18-digit one with the same region, date and sex', () => {
    fc.assert(
      fc.property(
        validId.filter(({ id }) => id.slice(6, 8) === '19'),
        ({ id, date, sex }) => {
          const old = id.slice(0, 6) + id.slice(8, 17);
          const parsed = parseCitizenId(old, today);
          return (
            parsed.ok &&
            parsed.upgradedFrom15 &&
            parsed.value === id &&
            parsed.birthDate === date &&
            parsed.sex === sex
          );
        },
      ),
      { seed },
    );
  });

  it('normalising is idempotent', () => {
    const idLike = fc.string({ unit: fc.constantFrom(...'0123456789xX ０１２９ｘＸ\u3000\tab'.split('')) });
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string()), (raw) => {
        const once = normalizeCitizenId(raw);
        return normalizeCitizenId(once) === once;
      }),
      { seed },
    );
  });

  it('what parses once parses again to the same value', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789X'.split('')), minLength: 15, maxLength: 18 }),
        (raw) => {
          const parsed = parseCitizenId(raw, today);
          if (!parsed.ok) return true;
          const again = parseCitizenId(parsed.value, today);
          return again.ok && again.value === parsed.value && !again.upgradedFrom15;
        },
      ),
      { seed },
    );
  });
});
