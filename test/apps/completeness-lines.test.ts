import { describe, expect, it } from 'vitest';
import { completenessLines } from '../../src/apps/taskpane/completeness-lines.js';

describe('complétude dans l’onglet Consolider : une ligne par département, puis la région', () => {
  it('rien quand le calcul n’a pas de complétude, ou rien d’utilisable', () => {
    expect(completenessLines({})).toBeUndefined();
    expect(completenessLines({ completeness: undefined })).toBeUndefined();
    expect(completenessLines({ completeness: { departements: [{ departement: '93' }] } })).toBeUndefined();
    expect(completenessLines(null)).toBeUndefined();
  });

  it('par département × type : additionnés par département, la région en total', () => {
    const lines = completenessLines({
      completeness: {
        cells: [
          { departement: '93', kind: 'ACI', expected: 10, received: 8, retained: 7, excluded: 1, missing: 2 },
          { departement: '93', kind: 'EI', expected: 5, received: 5, retained: 5, excluded: 0, missing: 0 },
          { departement: '75', kind: 'ACI', expected: 1, received: 0, retained: 0, excluded: 0, missing: 1 },
        ],
      },
    });
    expect(lines).toEqual([
      { code: '75', text: '75 Paris : 1 attendue, 0 reçue, 0 retenue, 0 écartée, 1 manquante' },
      { code: '93', text: '93 Seine-Saint-Denis : 15 attendues, 13 reçues, 12 retenues, 1 écartée, 2 manquantes' },
      { code: '', text: 'Région : 16 attendues, 13 reçues, 12 retenues, 1 écartée, 3 manquantes' },
    ]);
  });

  it('noms français, région donnée à part, listes de SIAE comptées', () => {
    const lines = completenessLines({
      completeness: {
        departements: [{ code: '77', attendus: 3, recus: 2, retenus: 2, ecartes: 0, manquants: [{ siret: 'x' }] }],
        region: { attendus: 3, recus: 2, retenus: 2, ecartes: 0, manquants: 1 },
      },
    });
    expect(lines).toEqual([
      { code: '77', text: '77 Seine-et-Marne : 3 attendues, 2 reçues, 2 retenues, 0 écartée, 1 manquante' },
      { code: '', text: 'Région : 3 attendues, 2 reçues, 2 retenues, 0 écartée, 1 manquante' },
    ]);
  });
});
