import { describe, expect, it } from 'vitest';
import { AT_COMMIT, HeldStatements, WITH_NEXT } from './at-commit.js';

/** What both engines' connections send for a sequence of statements (no database: the decisions only). */
describe('HeldStatements', () => {
  const audit = `${AT_COMMIT}SELECT audit_append('x')`;
  const tenant = `${WITH_NEXT}SELECT set_config('polku.role', 'worker', true)`;

  it('sends begin and the tenant context in front of the next statement, and the audit row with the COMMIT', () => {
    const h = new HeldStatements();
    expect(h.next('begin', true)).toEqual({ send: false, command: 'BEGIN' });
    expect(h.next(tenant, true)).toEqual({ send: false, command: 'SELECT' });
    expect(h.next('SELECT $1', false)).toEqual({ send: true, text: 'SELECT $1', simple: false, prefix: `begin; ${tenant}`, held: ['begin', tenant] });
    expect(h.next('SELECT $2', false)).toEqual({ send: true, text: 'SELECT $2', simple: false, prefix: null });
    expect(h.next(audit, true)).toEqual({ send: false, command: 'SELECT' });
    expect(h.open).toBe(true);
    expect(h.next('commit', true)).toEqual({ send: true, text: `${audit}; commit`, simple: true, prefix: null });
    expect(h.open).toBe(false);
  });

  it('joins held statements into a simple next statement', () => {
    const h = new HeldStatements();
    h.next('begin', true);
    h.next(tenant, true);
    expect(h.next('SELECT 1', true)).toEqual({ send: true, text: `begin; ${tenant}; SELECT 1`, simple: true, prefix: null });
  });

  it('sends nothing for a transaction that sent nothing, and sends what was held with its COMMIT', () => {
    const h = new HeldStatements();
    h.next('begin', true);
    expect(h.next('commit', true)).toEqual({ send: false, command: 'COMMIT' });
    h.next('begin', true);
    h.next(tenant, true);
    h.next(audit, true);
    expect(h.next('COMMIT', true)).toEqual({ send: true, text: `begin; ${tenant}; ${audit}; COMMIT`, simple: true, prefix: null });
  });

  it('drops what was held on rollback and sends the rollback only when the begin went out', () => {
    const h = new HeldStatements();
    h.next('begin', true);
    h.next(tenant, true);
    h.next(audit, true);
    expect(h.next('rollback', true)).toEqual({ send: false, command: 'ROLLBACK' });
    h.next('begin', true);
    h.next('SELECT $1', false);
    h.next(audit, true);
    expect(h.next('rollback', true)).toEqual({ send: true, text: 'rollback', simple: true, prefix: null });
    // Nothing of the rolled back transaction travels with the next one.
    h.next('begin', true);
    expect(h.next('SELECT $1', false)).toEqual({ send: true, text: 'SELECT $1', simple: false, prefix: 'begin', held: ['begin'] });
    expect(h.next('commit', true)).toEqual({ send: true, text: 'commit', simple: true, prefix: null });
  });

  it('runs marked statements at once outside a transaction or with parameters, and forgets everything on reset', () => {
    const h = new HeldStatements();
    expect(h.next(audit, true)).toEqual({ send: true, text: audit, simple: true, prefix: null });
    expect(h.next(tenant, true)).toEqual({ send: true, text: tenant, simple: true, prefix: null });
    h.next('begin', true);
    expect(h.next(`${WITH_NEXT}SELECT set_config('polku.role', $1, true)`, false)).toMatchObject({ send: true, prefix: 'begin' });
    h.next(audit, true);
    h.reset();
    expect(h.open).toBe(false);
    expect(h.next('commit', true)).toEqual({ send: true, text: 'commit', simple: true, prefix: null });
  });
});
