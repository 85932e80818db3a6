/**
 * Texts without letters (SIRET, numbers or dates typed as text) are dismissed before any
 * normalisation when no header key could match them. The answer must be the one the full
 * normalisation gives: compared here with labelKey on every key of the schema.
 */
import { describe, expect, it } from 'vitest';
import { DERIVED, INDICATORS, type IndicatorDef } from '../../../src/schema/index.js';
import { PLAN_COLUMNS, SENDER_FIELDS } from '../../../src/core/template-layout.js';
import { labelKey } from '../../../src/core/parse/text.js';
import { matchIndicatorHeader, matchPlanHeader, matchSenderLabel } from '../../../src/core/recognize/headers.js';

const LETTERLESS = ['44000000000017', '10,5', '2013-12-31', '  12 ', '(12)', '[1] *', '1\n2', '%', '', '12/05', '-', '0'];

describe('header look-up of texts without letters', () => {
  it('no key of the schema (codes, labels, plan and sender headers) is letterless, so none of these texts can match', () => {
    const texts = [
      ...(INDICATORS as readonly IndicatorDef[]).flatMap((d) => [d.code, d.label]),
      ...DERIVED.flatMap((d) => [d.code, d.label]),
      ...PLAN_COLUMNS.flatMap((c) => [c.key, c.header]),
      ...SENDER_FIELDS.map((f) => f.label),
    ];
    for (const t of texts) expect(labelKey(t), t).toMatch(/[a-z]/);
    for (const t of LETTERLESS) {
      expect(matchIndicatorHeader(t), t).toBeUndefined();
      expect(matchPlanHeader(t), t).toBeUndefined();
      expect(matchSenderLabel(t), t).toBeUndefined();
    }
  });

  it('texts with a letter, an accent or a ligature still go through the full look-up', () => {
    const def = (INDICATORS as readonly IndicatorDef[]).find((d) => /[éèàç]/i.test(d.label))!;
    expect(matchIndicatorHeader(def.label.toUpperCase())).toEqual({ kind: 'indicator', code: def.code });
    expect(matchIndicatorHeader(`12 ${def.code} `)).toBeUndefined();
    expect(matchIndicatorHeader(` ${def.code}\n`)).toEqual({ kind: 'indicator', code: def.code });
    expect(matchIndicatorHeader(`${def.label} (${def.code})`)).toEqual({ kind: 'indicator', code: def.code });
    // A SIRET header written with digits around it is still found through its parenthesis.
    expect(matchIndicatorHeader('14 chiffres (siret)')).toEqual({ kind: 'indicator', code: 'siret' });
  });
});
