import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/core/records.js';
import { chunkAddresses, packCells, renameSheetRefs, splitAddress } from '../../../src/hosts/office/address.js';
import { ANOMALIES_SHEET, writeAnomaliesSheet } from '../../../src/hosts/office/anomalies.js';
import { ExcelHostError, runWithExcel, toFrenchError } from '../../../src/hosts/office/errors.js';
import { clearHighlights, HIGHLIGHT_MARK, highlightCells } from '../../../src/hosts/office/highlight.js';
import { checkRequirements, type OfficeLike } from '../../../src/hosts/office/requirements.js';
import { selectCell } from '../../../src/hosts/office/select.js';
import { FakeExcel, FakeOfficeError } from '../../helpers/office-fake.js';

const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
  code: 'constraint-error',
  severity: 'erreur',
  file: 'Classeur ouvert',
  message: 'Valeur hors limites.',
  ...over,
});

function workbook(): FakeExcel {
  const f = new FakeExcel();
  f.addSheet({ name: "Retours d'Île", rows: [['SIRET', 'ETP'], ['123', -4], ['456', 7]] });
  f.addSheet({ name: 'Autre', rows: [['x']] });
  // The user's own formats on the same cells, which highlighting must not touch.
  f.sheet("Retours d'Île")!.cfs.push({ id: 999, type: 'CellValue', address: 'B2:B3', rule: { formula1: '=0', operator: 'LessThan' }, format: { 'fill.color': '#00FF00' } });
  f.sheet("Retours d'Île")!.formatOps.push({ sheet: "Retours d'Île", address: 'B2', cells: 1, path: 'format.fill.color', value: '#FFFF00' });
  return f;
}

describe('anomalies sheet', () => {
  it('writes one row per issue with a link to the cell, text as text, and replaces itself on re-run', async () => {
    const f = workbook();
    const issues = [
      issue({ severity: 'avertissement', sheet: "Retours d'Île", cell: 'A3', indicator: 'siret', message: '=SIRET douteux' }),
      issue({ sheet: "Retours d'Île", cell: 'B2', indicator: 'etp', message: 'ETP négatif : -4.' }),
      issue({ file: 'reseau-93.xlsx', sheet: 'Retours', cell: 'C9', message: 'Autre fichier.' }),
      issue({ code: 'unknown-template', message: '+ Modèle inconnu' }),
    ];
    const r = await writeAnomaliesSheet(f.ctx, issues);
    expect(r.sheets).toEqual([{ model: ANOMALIES_SHEET, name: ANOMALIES_SHEET }]);
    const s = f.sheet(ANOMALIES_SHEET)!;
    // The core's one anomalies sheet: title, note, then the table at row 4 (code of the check last).
    const row = (n: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => { const x = s.rows[n - 1]?.[c - 1]; return x?.f ?? x?.v ?? ''; });
    expect(s.rows[0]![0]!.v).toBe('Anomalies relevées');
    expect(row(4)).toEqual(['Gravité', 'Fichier', 'Feuille', 'Cellule', 'Ligne', 'Indicateur', 'Valeur lue', 'Message', 'Code']);
    // Errors first, whole-file ones first; the link jumps to the quoted sheet; issues of other files get no link.
    expect(row(5)).toEqual(['Erreur', 'Classeur ouvert', '', '', '', '', '', '+ Modèle inconnu', 'unknown-template']);
    expect(row(6)).toEqual(['Erreur', 'Classeur ouvert', "Retours d'Île", `=HYPERLINK("#'Retours d''Île'!B2","B2")`, '', 'etp', '', 'ETP négatif : -4.', 'constraint-error']);
    expect(row(7)).toEqual(['Erreur', 'reseau-93.xlsx', 'Retours', 'C9', '', '', '', 'Autre fichier.', 'constraint-error']);
    expect(row(8)).toEqual(['Avertissement', 'Classeur ouvert', "Retours d'Île", `=HYPERLINK("#'Retours d''Île'!A3","A3")`, '', 'siret', '', '=SIRET douteux', 'constraint-error']);
    expect(s.rows[7]![7]).toEqual({ v: '=SIRET douteux', nf: '@' });
    expect(s.tables[0]).toMatchObject({ name: 'IAE_Anomalies', address: 'A4:I8' });
    expect(f.active!.name).toBe(ANOMALIES_SHEET);
    // Formats per group of cells, never per issue: only the title (A1) and its note (A2) are single cells.
    expect(s.formatOps.filter((o) => o.path !== 'numberFormat' && o.cells === 1 && o.address !== 'A1' && o.address !== 'A2')).toEqual([]);
    await writeAnomaliesSheet(f.ctx, [issues[0]!]);
    expect(f.sheets.map((x) => x.name)).toEqual(["Retours d'Île", 'Autre', ANOMALIES_SHEET]);
    expect(f.sheet(ANOMALIES_SHEET)!.rows.length).toBe(5);
  });

  it('a user sheet already named like it is kept and the new one gets a suffix', async () => {
    const f = workbook();
    f.addSheet({ name: ANOMALIES_SHEET, rows: [['mes remarques']] });
    const r = await writeAnomaliesSheet(f.ctx, []);
    expect(r.sheets[0]!.name).toBe(`${ANOMALIES_SHEET} (2)`);
    expect(f.cell(ANOMALIES_SHEET, 'A1')!.v).toBe('mes remarques');
    expect(f.cell(`${ANOMALIES_SHEET} (2)`, 'A5')!.v).toMatch(/^Aucune anomalie/);
  });
});

describe('highlighting', () => {
  it('highlights in bulk with marked conditional formats and clears only those, in a fixed number of syncs', async () => {
    const f = workbook();
    const before = JSON.stringify(f.sheet("Retours d'Île"));
    const issues = [
      ...Array.from({ length: 400 }, (_, i) => issue({ sheet: "Retours d'Île", cell: `B${i + 2}` })),
      issue({ severity: 'avertissement', sheet: "Retours d'Île", cell: 'B2' }), // an error wins
      issue({ severity: 'avertissement', sheet: "Retours d'Île", cell: 'A2' }),
      issue({ severity: 'avertissement', sheet: 'Autre', cell: 'A1' }),
      issue({ sheet: 'Supprimée', cell: 'A1' }),
      issue({ file: 'autre.xlsx', sheet: 'Autre', cell: 'C3' }),
    ];
    const r = await highlightCells(f.ctx, issues, { maxAddressChars: 1000 });
    expect(r).toEqual({ cells: 402, sheets: 2, removed: 0, skipped: 1 });
    expect(f.syncCount).toBe(4);
    const mine = f.sheet("Retours d'Île")!.cfs.filter((c) => String(c.rule['formula']).includes(HIGHLIGHT_MARK));
    // 400 error cells in several RangeAreas chunks, one warning range.
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.length).toBeLessThan(10);
    expect(mine.every((c) => c.type === 'Custom' && c.address.length <= 1000)).toBe(true);
    const covered = mine.filter((c) => String(c.rule['formula']).includes('erreur')).flatMap((c) => c.address.split(','));
    expect(covered).toContain('B2');
    expect(covered).toContain('B401');
    expect(mine.find((c) => String(c.rule['formula']).includes('avertissement'))!.address).toBe('A2');
    expect(f.sheet('Autre')!.cfs).toHaveLength(1);
    // Re-highlighting replaces, clearing removes all of ours and nothing else.
    f.resetCounters();
    const again = await highlightCells(f.ctx, issues.slice(0, 3));
    expect(again.removed).toBe(mine.length + 1);
    const removed = await clearHighlights(f.ctx);
    expect(removed).toBe(1);
    expect(JSON.stringify(f.sheet("Retours d'Île"))).toBe(before);
    expect(f.sheet('Autre')!.cfs).toEqual([]);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell', async () => {
    const f = workbook();
    await selectCell(f.ctx, 'Autre', '$C$7');
    expect(f.active!.name).toBe('Autre');
    expect(f.selection).toEqual({ sheet: 'Autre', address: 'C7' });
  });

  it('tells in French when the sheet is gone, hidden, or the address is wrong', async () => {
    const f = workbook();
    f.addSheet({ name: 'Cachée', visibility: 'Hidden' });
    await expect(selectCell(f.ctx, 'Disparue', 'A1')).rejects.toThrow("La feuille « Disparue » n'existe plus dans le classeur");
    await expect(selectCell(f.ctx, 'Cachée', 'A1')).rejects.toThrow('est masquée');
    expect(() => selectCell(f.ctx, 'Autre', 'ZZZZ1')).toThrow('Adresse de cellule invalide');
  });
});

describe('requirements and errors', () => {
  it('accepts Excel with ExcelApi 1.9 and names what is missing in French otherwise (office-addin-mock)', () => {
    const modern = new OfficeMockObject({ context: { requirements: { isSetSupported: () => true } } });
    expect(checkRequirements(modern as unknown as OfficeLike)).toEqual({ ok: true });
    const old = new OfficeMockObject({
      context: { requirements: { isSetSupported: (_n: string, v: string) => Number(v.split('.')[1]) <= 7 } },
    });
    const r = checkRequirements(old as unknown as OfficeLike);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing.map((m) => m.version)).toEqual(['1.9', '1.8']);
      expect(r.message).toMatch(/^Votre version d'Excel est trop ancienne/);
      expect(r.message).toContain('ExcelApi 1.9 : surlignage groupé');
    }
  });

  it('turns Office.js error codes into French messages', async () => {
    expect(toFrenchError(new FakeOfficeError('InvalidOperationInCellEditMode', 'x')).message).toMatch(/^Une cellule est en cours de modification/);
    const e = toFrenchError(new FakeOfficeError('SomethingNew', 'x'), 'Vérification impossible');
    expect(e).toBeInstanceOf(ExcelHostError);
    expect(e.message).toBe("Vérification impossible : Erreur inattendue d'Excel (SomethingNew).");
    // Outside Excel (no Office.js loaded), runWithExcel fails in French instead of crashing.
    await expect(runWithExcel(async () => 1)).rejects.toThrow("Le complément doit s'exécuter dans Excel");
  });
});

describe('address helpers', () => {
  it('packs cells into row runs and chunks them under a length', () => {
    expect(packCells(['C3', 'A1', 'B1', 'D1', 'A1', 'bad'])).toEqual(['A1:B1', 'D1', 'C3']);
    expect(chunkAddresses(['A1', 'B2', 'C3'], 5)).toEqual(['A1,B2', 'C3']);
    expect(splitAddress("'Retours d''Île'!$A$1:B2")).toEqual({ sheet: "Retours d'Île", local: 'A1:B2' });
  });

  it('retargets sheet references in formulas, not inside strings', () => {
    const m = new Map([['Données', 'IAE_tmp_1'], ['Synthèse régionale', "L'autre"]]);
    expect(renameSheetRefs(`SUM('Données'!A1,Données!B2,'Synthèse régionale'!C3)&"Données!A1"`, m)).toBe(
      `SUM('IAE_tmp_1'!A1,'IAE_tmp_1'!B2,'L''autre'!C3)&"Données!A1"`,
    );
    expect(renameSheetRefs('MaDonnées!A1+A1', m)).toBe('MaDonnées!A1+A1');
  });
});
