import { describe, expect, it } from 'vitest';
import { ageOn, checkIdentityCode, clientGroupForAge, duplicateReason, maskIdentityCode } from './clients.rules.js';

describe('henkilötunnus', () => {
  it('accepts the official example and gives the birth date', () => {
    expect(checkIdentityCode('131052-308T')).toEqual({ valid: true, code: '131052-308T', birthDate: '1952-10-13', temporary: false });
  });

  it('accepts the century signs introduced in 2023', () => {
    expect(checkIdentityCode('010594Y9021')).toMatchObject({ valid: true, birthDate: '1994-05-01', temporary: true });
    expect(checkIdentityCode('020502E123T')).toMatchObject({ valid: true, birthDate: '2002-05-02' });
    expect(checkIdentityCode('311299U950V')).toMatchObject({ valid: true, birthDate: '1999-12-31' });
    expect(checkIdentityCode('010100a002h')).toMatchObject({ valid: true, code: '010100A002H', birthDate: '2000-01-01' });
  });

  it('rejects a wrong control character, an impossible date, individual number 000/001 and bad signs', () => {
    expect(checkIdentityCode('131052-308U')).toEqual({ valid: false, problem: 'checksum' });
    expect(checkIdentityCode('310252-308T')).toEqual({ valid: false, problem: 'date' });
    expect(checkIdentityCode('131052-001T')).toEqual({ valid: false, problem: 'individual-number' });
    expect(checkIdentityCode('131052G308T')).toEqual({ valid: false, problem: 'format' });
    expect(checkIdentityCode('13105-308T')).toEqual({ valid: false, problem: 'format' });
  });

  it('masks everything after the birth date part', () => {
    expect(maskIdentityCode('131052-308T')).toBe('131052-****');
    expect(maskIdentityCode(null)).toBeNull();
  });
});

describe('age and client group', () => {
  it('counts the birthday on the day itself', () => {
    const today = new Date('2026-11-22T08:00:00Z');
    expect(ageOn('1981-11-22', today)).toBe(45);
    expect(ageOn('1981-11-23', today)).toBe(44);
    expect(clientGroupForAge(17)).toBe('children-youth-families');
    expect(clientGroupForAge(18)).toBe('working-age');
    expect(clientGroupForAge(65)).toBe('older-people');
  });
});

describe('duplicate check', () => {
  const eero = { firstName: 'Eero', lastName: 'Mäkinen', birthDate: '1981-03-14' };
  it('finds the same name and birth date regardless of case and second names', () => {
    expect(duplicateReason(eero, { firstName: 'EERO Juhani', lastName: 'mäkinen', birthDate: '1981-03-14' })).toBe('name-and-birth-date');
  });
  it('does not confuse Mäkinen with Makinen or another birth date', () => {
    expect(duplicateReason(eero, { ...eero, lastName: 'Makinen' })).toBeNull();
    expect(duplicateReason(eero, { ...eero, birthDate: '1981-03-15' })).toBeNull();
  });
  it('finds the same identity code even with different names', () => {
    expect(duplicateReason({ ...eero, identityCode: '131052-308T' }, { firstName: 'X', lastName: 'Y', birthDate: '1952-10-13', identityCode: '131052-308t' })).toBe('identity-code');
  });
});
