import { describe, expect, it } from 'vitest';
import { legalTableName } from '../../../src/hosts/office/ownership.js';
import { planNaming, type Naming } from '../../../src/hosts/office/write-names.js';

describe('noms de tableau valides pour Excel, quel que soit le nom demandé par le modèle', () => {
  it('retire les accents, remplace espaces et ponctuation, évite les références de cellule', () => {
    expect(legalTableName('IAE_Évolution')).toBe('IAE_Evolution');
    expect(legalTableName('IAE_Par réseau')).toBe('IAE_Par_reseau');
    expect(legalTableName('IAE_Rapprochement ASP (écarts)')).toBe('IAE_Rapprochement_ASP__ecarts_');
    expect(legalTableName('IAE_Consolidation')).toBe('IAE_Consolidation');
    expect(legalTableName('2025_Suivi')).toBe('_2025_Suivi');
    expect(legalTableName('ABC12')).toBe('_ABC12');
    expect(legalTableName('R1C1')).toBe('_R1C1');
    expect(legalTableName('C')).toBe('_C');
    expect(legalTableName('')).toBe('_');
    expect(legalTableName('x'.repeat(300))).toHaveLength(255);
    for (const n of ['IAE_Évolution', 'IAE_Par réseau', '2025', 'R1C1', 'Données ASP']) expect(legalTableName(n)).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
  });

  it('deux noms qui deviennent le même : le second reçoit un suffixe', () => {
    const n = planNaming({ kind: 'consolidation', stamp: 'abc', sheets: [], names: [], modelSheets: ['A', 'B'], modelTables: ['IAE_Données', 'IAE_Donnees'], modelNames: [] }) as Naming;
    expect(n.finalTables).toEqual(['IAE_Donnees', 'IAE_Donnees_2']);
  });
});
