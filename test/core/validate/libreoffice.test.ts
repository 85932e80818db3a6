import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { validateWorkbooks } from '../../../src/core/validate/index.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { isValidSiret } from '../../../src/schema/index.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../../helpers/libreoffice.js';
import { CODES, LABELS, colOf, tempDir, validRow, writeTemp } from './xlsx-builders.js';

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

describeWithLibreOffice('an export saved by LibreOffice from messy CSV text', () => {
  it('reads what LibreOffice made of messy values, and reports the rest at their cells', async () => {
    // A SIRET starting with 0: LibreOffice turns it into a 13-digit number.
    const zeroSiret = Array.from({ length: 10 }, (_, d) => `044212345000${d}1`).find(isValidSiret)!;
    const messy = validRow({
      siret: zeroSiret,
      raison_sociale: ' Régie  "Les Lilas" ',
      personnes: ' 30 ',
      etp_conventionnes: '10,5',
      heures_remunerees: '18 200',
      implantation_qpv: 'x',
      implantation_zrr: 'NON',
      departement: '093',
      type_siae: 'aci',
      pmsmp: '#DIV/0!',
      personnes_formees: 'neuf',
    });
    const lines = [LABELS.map(csvCell).join(','), CODES.map((c) => csvCell(messy[c])).join(',')];
    const dir = tempDir('iae-lo-');
    // Latin-1, as LibreOffice (and French Excel) read a CSV by default.
    const csv = writeTemp(dir, 'export-reseau.csv', new Uint8Array(Buffer.from(`${lines.join('\n')}\n`, 'latin1')));
    const [xlsx] = await convertWithLibreOffice(csv, 'xlsx', join(dir, 'out'));
    const f = validateWorkbooks([readXlsx(new Uint8Array(readFileSync(xlsx!)), 'export-reseau.xlsx')]).files[0]!;
    expect(f.template.kind).toBe('reseau');
    const v = f.records[0]!.values;
    expect(v).toMatchObject({
      siret: zeroSiret,
      raison_sociale: 'Régie "Les Lilas"',
      personnes: 30,
      etp_conventionnes: 10.5,
      heures_remunerees: 18200,
      implantation_qpv: true,
      implantation_zrr: false,
      departement: '93',
      type_siae: 'ACI',
    });
    const codesAt = (code: string) => f.issues.filter((i) => i.cell === `${colOf(code)}2`).map((i) => [i.code, i.severity]);
    expect(codesAt('siret')).toEqual([['type-error', 'avertissement']]);
    expect(codesAt('pmsmp')).toEqual([['type-error', 'erreur']]);
    expect(codesAt('personnes_formees')).toEqual([['type-error', 'erreur']]);
    expect(f.counts.errors).toBe(2);
  }, 900_000);
});
