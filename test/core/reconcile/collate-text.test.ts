import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collateText } from '../../../src/core/reconcile/reconcile.js';

// The lists of the reconciliation are sorted by the collator's order; collateText skips the
// collator for identifiers made of digits and capitals only. Its answer must be the collator's.
const collate = new Intl.Collator().compare;
const sign = (n: number) => Math.sign(n);
const expected = (a: string | undefined, b: string | undefined) => sign(collate(a ?? '\uffff', b ?? '\uffff'));

describe('collateText', () => {
  it('orders identifiers of digits and capitals as the collator does', () => {
    const plain = fc.stringMatching(/^[0-9A-Z]{0,14}$/);
    fc.assert(fc.property(plain, plain, (a, b) => sign(collateText(a, b)) === expected(a, b)), { numRuns: 2000 });
  });

  it('falls back to the collator for any other text, and puts a missing value last', () => {
    const any = fc.option(fc.oneof(fc.stringMatching(/^[0-9A-Za-zé\- ]{0,8}$/), fc.string()), { nil: undefined });
    fc.assert(fc.property(any, any, (a, b) => sign(collateText(a, b)) === expected(a, b)), { numRuns: 2000 });
    expect(['2B', '2A', '01', '976', '19', 'a1', 'A1', undefined].sort(collateText)).toEqual(['01', '19', '2A', '2B', '976', 'a1', 'A1', undefined]);
  });
});
