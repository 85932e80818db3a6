import { describe, expect, it } from 'vitest';
import { ASP_FIGURES, matchAspHeader } from '../../../src/core/asp/index.js';
import { ASP_COMPARISONS, COMPARED, ourValue } from '../../../src/core/reconcile/index.js';
import { derivedByCode, indicatorByCode, SIAE_KINDS } from '../../../src/schema/index.js';
import { validReturn } from '../../fixtures/returns.js';

describe('the ASP figures mapped to the schema', () => {
  it('maps each figure named like a schema code to that code, and only those', () => {
    expect(ASP_COMPARISONS.map((c) => c.figure)).toEqual(ASP_FIGURES);
    for (const c of ASP_COMPARISONS) {
      const inSchema = indicatorByCode(c.figure) !== undefined || derivedByCode(c.figure) !== undefined;
      expect(c.code, c.figure).toBe(inSchema ? c.figure : undefined);
      if (!c.code) expect(c.kinds).toEqual([]);
      expect(c.note.length).toBeGreaterThan(20);
    }
    expect(COMPARED.map((c) => c.code)).toEqual([
      'personnes', 'femmes', 'rsa', 'ass', 'aah', 'travailleurs_handicapes', 'residents_zrr', 'residents_qpv', 'moins_26_ans', 'plus_50_ans', 'deld', 'detld',
      'sorties_examinees', 'sorties_emploi_durable', 'sorties_emploi_transition', 'sorties_positives',
    ]);
  });

  it('compares exits examined for AI, ETTI and EITI only, every other compared figure for every kind', () => {
    for (const c of COMPARED) expect(c.kinds, c.figure).toEqual(c.figure === 'sorties_examinees' ? ['AI', 'ETTI', 'EITI'] : SIAE_KINDS);
  });

  it("takes our exits examined from the schema's derived sum, never from a partial one", () => {
    const r = validReturn();
    // 3 durable + 4 transition + 2 positive + 5 others; the withdrawn one left out.
    expect(ourValue(r, 'sorties_examinees')).toBe(14);
    expect(derivedByCode('sorties_examinees')!.numerator).not.toContain('sorties_retirees');
    const { autres_sorties: _, ...partial } = r;
    expect(ourValue(partial, 'sorties_examinees')).toBeUndefined();
    expect(ourValue(r, 'personnes')).toBe(30);
    expect(ourValue({ ...r, ass: undefined }, 'ass')).toBeUndefined();
  });

  it('recognises the headers as written, trimmed, without their number, whole or cut off, and reasonable variants', () => {
    const cases: [string, string][] = [
      ['2 - Dont femmes ', 'femmes'],
      ['2 - Dont femmes', 'femmes'],
      ['DONT FEMMES', 'femmes'],
      ['2 - Nombre total des salariés en insertion ayant travaillé da', 'personnes'],
      ['Nombre total des salariés en insertion ayant travaillé dans la structure', 'personnes'],
      ['2 - Dont inscrits à Pôle emploi depuis 24 mois et plus', 'detld'],
      ['2 - Dont inscrits à France Travail depuis 24 mois et plus', 'detld'],
      ['2 - Dont résidents en QPV', 'residents_qpv'],
      ['4 - Total des sorties examinées', 'sorties_examinees'],
      ['0 - SIRET', 'siret'],
      ['N° SIRET', 'siret'],
    ];
    for (const [header, field] of cases) expect(matchAspHeader(header)?.field, header).toBe(field);
    expect(matchAspHeader("0 - Salariés permanents en charge de l'encadrement (heures)")).toBeUndefined();
    expect(matchAspHeader('Total')).toBeUndefined();
  });
});
