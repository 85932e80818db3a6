/**
 * asciiLabelKey is labelKey without its Unicode normalisation, for plain-ASCII texts only: the
 * two must agree on every such text, and asciiLabelKey must decline every other one.
 */
import { describe, expect, it } from 'vitest';
import { DERIVED, INDICATORS, type IndicatorDef } from '../../../src/schema/index.js';
import { PLAN_COLUMNS, SENDER_FIELDS } from '../../../src/core/template-layout.js';
import { labelKey } from '../../../src/core/parse/text.js';
import { asciiLabelKey } from '../../../src/core/recognize/headers.js';

/** A deterministic pseudo-random generator (no flaky inputs). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('asciiLabelKey', () => {
  it('agrees with labelKey on every ASCII text: schema keys, typed headers, random texts with every ASCII character', () => {
    const texts = [
      ...(INDICATORS as readonly IndicatorDef[]).flatMap((d) => [d.code, d.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '')]),
      ...DERIVED.map((d) => d.code),
      ...PLAN_COLUMNS.map((c) => c.key),
      ...SENDER_FIELDS.map((f) => f.name),
      '',
      ' ',
      '  SIRET  ',
      'Personnes_en_INSERTION',
      'Indicateur (code)',
      'ETP\nconventionnes',
      '--a--b--',
      '44000000000017',
      'Regie de quartier Les Lilas',
      'ACI093250013A0M1',
      'x\ty\rz',
      '[siret] *',
    ];
    const random = rng(42);
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const n = Math.floor(random() * 24);
      for (let i = 0; i < n; i++) t += String.fromCharCode(Math.floor(random() * 128));
      texts.push(t);
    }
    const ascii = texts.filter((t) => /^[\x00-\x7f]*$/.test(t));
    expect(ascii.length).toBeGreaterThan(3000);
    for (const t of ascii) expect(asciiLabelKey(t), JSON.stringify(t)).toBe(labelKey(t));
  });

  it('declines any text with a character outside ASCII, which only labelKey folds (accents, ligatures, the Kelvin sign)', () => {
    for (const t of ['Périmètre', 'Œuvre', '\u212a', "N° d'annexe", 'a\u00a0b', 'x\u2028y', 'Régie de quartier']) expect(asciiLabelKey(t), t).toBeUndefined();
  });
});
