import { describe, expect, it } from 'vitest';
import { concurrentClash, isLeftoverName, planNaming, type ExistingSheet, type Naming } from '../../../src/hosts/office/write-names.js';

const sheet = (name: string, extra: Partial<ExistingSheet> = {}): ExistingSheet => ({ name, id: name, visible: true, kind: undefined, tables: [], ...extra });
const base = { kind: 'consolidation', stamp: 'abc', names: [], modelSheets: ['Synthèse', 'Données'], modelTables: ['IAE_T'], modelNames: ['IAE_N'] };

describe('noms d’une écriture, décidés avant tout changement', () => {
  it('reconnaît les restes à leur forme exacte, pas une feuille de l’utilisateur qui leur ressemble', () => {
    for (const n of ['IAE_tmp_k3x9a1_1', 'IAE_tmp_abc2_12', 'IAE_tmp_Tk3x9a1_3']) expect(isLeftoverName(n), n).toBe(true);
    for (const n of ['IAE_tmp notes', 'IAE_tmp_', 'IAE_tmp_abc', 'IAE_tmp_ABC_1', 'Mon IAE_tmp_abc_1', 'IAE_tmp_abc_1 (2)']) expect(isLeftoverName(n), n).toBe(false);
  });

  it('noms temporaires libres, noms de tableaux libres parmi les tableaux et les noms définis, feuilles « (2) »', () => {
    const n = planNaming({
      ...base,
      sheets: [sheet('Synthèse'), sheet('IAE_tmp_abc_1', { visible: false }), sheet('Vieille', { kind: 'consolidation', tables: ['IAE_T'] })],
      names: ['iae_t'],
    }) as Naming;
    expect(n.leftovers.map((s) => s.name)).toEqual(['IAE_tmp_abc_1']);
    expect(n.replaced.map((s) => s.name)).toEqual(['Vieille']);
    expect(n.finals).toEqual(['Synthèse (2)', 'Données']);
    expect(n.temps).toEqual(['IAE_tmp_abc2_1', 'IAE_tmp_abc2_2']);
    expect(n.finalTables).toEqual(['IAE_T_2']);
  });

  it('refuse un nom défini du modèle déjà pris par un tableau de l’utilisateur, pas par un tableau de l’ancienne feuille', () => {
    expect(planNaming({ ...base, sheets: [sheet('Notes', { tables: ['iae_n'] })] })).toEqual({
      clash: "le nom « IAE_N » que le complément définit est déjà celui d'un tableau de la feuille « Notes » : renommez ce tableau puis relancez",
    });
    expect('clash' in planNaming({ ...base, sheets: [sheet('Notes'), sheet('Vieille', { kind: 'consolidation', tables: ['IAE_N'] })] })).toBe(false);
  });

  it('trouve ce qui a été créé pendant l’écriture sous un nom définitif', () => {
    const n = planNaming({ ...base, sheets: [sheet('Notes')] }) as Naming;
    const live = { sheets: [{ name: 'Notes', id: 'Notes' }, ...n.temps.map((t) => ({ name: t, id: t }))], tables: [...n.tempTables], names: ['IAE_N'] };
    expect(concurrentClash(n, base.modelNames, live)).toBeUndefined();
    expect(concurrentClash(n, base.modelNames, { ...live, sheets: [...live.sheets, { name: 'données', id: 'x' }] })).toBe("une feuille « Données » a été créée pendant l'écriture");
    expect(concurrentClash(n, base.modelNames, { ...live, names: ['IAE_T'] })).toBe("un tableau ou un nom « IAE_T » a été créé pendant l'écriture");
    expect(concurrentClash(n, base.modelNames, { ...live, tables: [...live.tables, 'IAE_N'] })).toBe("un tableau « IAE_N » a été créé pendant l'écriture");
  });
});
