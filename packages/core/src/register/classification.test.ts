import { describe, expect, it } from 'vitest';
import { maskIdNumber, personFieldClass, sensitivePersonFields } from './classification';

describe('data classes', () => {
  it('marks the ID number, disability grade and only-child certificate sensitive', () => {
    expect(sensitivePersonFields.toSorted()).toEqual(['disabilityGrade', 'idNumber', 'onlyChildCertificate']);
    expect(personFieldClass.name).toBe('personal');
  });

  it('masks an ID number to its first and last four characters', () => {
    expect(maskIdNumber('65292619950707002X')).toBe('6529**********002X');
    expect(maskIdNumber('1234')).toBe('****');
  });
});
