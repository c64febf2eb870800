import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSignature, nrefsField, pyFixed, SIGNATURE_VERSION } from '../../src/metrics/signature';
import { VERSION } from '../../src/version';

describe('VERSION', () => {
  it('equals the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(SIGNATURE_VERSION).toBe(`nlg-metrics-${pkg.version}`);
  });
});

describe('formatSignature', () => {
  it('joins key:value fields with | and puts version last', () => {
    expect(formatSignature([['nrefs', 1], ['case', 'mixed'], ['eff', false], ['tok', '13a'], ['smooth', 'exp']])).toBe(
      `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:nlg-metrics-${VERSION}`,
    );
  });
  it('prints booleans as yes/no', () => {
    expect(formatSignature([['eff', true]])).toBe(`eff:yes|version:${SIGNATURE_VERSION}`);
  });
});

describe('nrefsField', () => {
  it('gives the common count, var when counts differ, 0 for nothing', () => {
    expect(nrefsField(3, 6, 12)).toBe(2);
    expect(nrefsField(2, 3, 5)).toBe('var');
    expect(nrefsField(0, 0, 0)).toBe(0);
  });
  it('is var exactly when the counts are not all equal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 50 }), (ks) => {
        const s = ks.reduce((a, b) => a + b, 0);
        const s2 = ks.reduce((a, b) => a + b * b, 0);
        const same = ks.every((k) => k === ks[0]);
        expect(nrefsField(ks.length, s, s2)).toBe(same ? ks[0] : 'var');
      }),
    );
  });
});

describe('pyFixed', () => {
  it("formats as Python's .2f, ties to even", () => {
    // Python: f'{0.125:.2f}' == '0.12', f'{0.375:.2f}' == '0.38', f'{2.5:.0f}' == '2', f'{-0.125:.2f}' == '-0.12'
    expect(pyFixed(0.125, 2)).toBe('0.12');
    expect(pyFixed(0.375, 2)).toBe('0.38');
    expect(pyFixed(2.5, 0)).toBe('2');
    expect(pyFixed(3.5, 0)).toBe('4');
    expect(pyFixed(-0.125, 2)).toBe('-0.12');
    // sacrebleu's signatures: smooth:floor[0.10], add-k[1.00], floor[0.01], floor[0.50], add-k[2.00]
    expect(pyFixed(0.1, 2)).toBe('0.10');
    expect(pyFixed(1, 2)).toBe('1.00');
    expect(pyFixed(0.01, 2)).toBe('0.01');
    expect(pyFixed(0.5, 2)).toBe('0.50');
    expect(pyFixed(2, 2)).toBe('2.00');
  });
  it('agrees with toFixed except on exact ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const tie = Number.isInteger(x * 8) && !Number.isInteger(x * 4);
        if (!tie) expect(pyFixed(x, 2)).toBe(x.toFixed(2));
      }),
    );
  });
});
