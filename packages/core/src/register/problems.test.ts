import { describe, expect, it } from 'vitest';
import { RegisterErrorCode, registerError, registerErrorToDomainError } from './problems';

describe('register problems', () => {
  it('become a VALIDATION_FAILED domain error naming the field and the register code', () => {
    const error = registerErrorToDomainError(
      registerError(RegisterErrorCode.MotherNotFemale, 'mother_id', '母亲的性别不是女'),
      7,
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '母亲的性别不是女',
      details: [{ field: 'mother_id', reason: 'MOTHER_NOT_FEMALE', row: 7 }],
    });
  });

  it('codes are unique', () => {
    const codes = Object.values(RegisterErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
