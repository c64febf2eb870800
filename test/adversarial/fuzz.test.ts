import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as api from '../../src/index';
import { FUZZ_TARGETS } from '../../fuzz/cases';

// The fuzz targets of `npm run fuzz` (100,000+ inputs each against the built package), on a small sample of
// random and adversarial inputs against the sources: arbitrary UTF-16 (lone surrogates), every plane,
// combining and bidi marks, controls, Python-only white space, entities, Object.prototype names, CJK, Thai.
describe('random and adversarial input: no throw, finite results in bounds, consistent entry points', () => {
  for (const t of FUZZ_TARGETS) {
    it(t.name, () => {
      fc.assert(
        fc.property(t.input, (x) => {
          t.check(api, x);
        }),
        { numRuns: 150 },
      );
    });
  }
});
