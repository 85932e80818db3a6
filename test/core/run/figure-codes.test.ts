/**
 * Figure codes are a type derived from the schema: a wrong or renamed code fails `npm run
 * typecheck` (each @ts-expect-error below must stay an error, or tsc complains it is unused).
 */
import { describe, expect, it } from 'vitest';
import { FIGURE_CODES, figureFormat, figureLabel, isFigureCode, KEY_CODES, type FigureCode } from '../../../src/core/consolidate/index.js';
import { formatFigure } from '../../../src/core/run/index.js';
import { DERIVED, NAMED_DERIVED_CODES, type DerivedCode } from '../../../src/schema/index.js';

describe('typed figure codes', () => {
  it('rejects unknown codes at compile time and at run time', () => {
    // @ts-expect-error « taux_sortie_dynamique » is not a figure code (typo of taux_sorties_dynamiques).
    expect(() => figureLabel('taux_sortie_dynamique')).not.toThrow();
    // @ts-expect-error a share of a sector that does not exist.
    const wrong: FigureCode = 'part_heures_aeronautique';
    expect(isFigureCode(wrong)).toBe(false);
    // @ts-expect-error derived codes are their own type.
    const notDerived: DerivedCode = 'personnes';
    expect(DERIVED.some((d) => d.code === notDerived)).toBe(false);
    // @ts-expect-error formatFigure takes figure codes only.
    expect(formatFigure('nombre_structures', 3)).toBe('3');
    const ok: FigureCode = 'part_heures_btp';
    expect(figureFormat(ok)).toBe('pourcentage');
  });

  it('every code of the type is a figure the consolidation answers, and back', () => {
    for (const c of FIGURE_CODES) expect(isFigureCode(c)).toBe(true);
    for (const c of KEY_CODES) expect(FIGURE_CODES).toContain(c);
    expect(FIGURE_CODES).toContain('nombre_siae');
    // The named derived codes are exactly the derived indicators that are not generated shares.
    const named = DERIVED.map((d) => d.code).filter((c) => !/^part_/.test(c) || c === 'part_personnes_formees');
    expect([...named].sort()).toEqual([...NAMED_DERIVED_CODES].sort());
  });
});
