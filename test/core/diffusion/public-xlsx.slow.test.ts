import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPublicWorkbook } from '../../../src/core/diffusion/index.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { demoConsolidation, twoYearConsolidation } from './demo-result.js';
import { networks } from './demo-networks.js';

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// Writes an xlsx with ExcelJS and scans every part: « lents ».
describe('fichier xlsx de la version diffusable', () => {
  it('ne contient, dans aucune de ses parties, ni SIRET, ni nom de structure, ni chemin de fichier', async () => {
    const { records } = demoConsolidation();
    // With every sheet there is: the per-network table and the evolution between two years.
    const pv = buildPublicWorkbook(twoYearConsolidation(records), undefined, undefined, {
      extras: [networks],
      evolution: { sheet: 'Évolution', tables: ['personnes', 'femmes'] },
    });
    expect(pv.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Par réseau', 'Évolution']));
    const bytes = await writeWorkbookModel(pv.workbook);
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.values(zip.files).filter((f) => !f.dir);
    expect(parts.some((f) => f.name.includes('chart'))).toBe(true);
    let text = '';
    for (const f of parts) text += unescapeXml(await f.async('string')) + '\n';
    expect(text).toContain('secret statistique');
    for (const r of records) {
      expect(text).not.toContain(String(r.values.siret));
      expect(text).not.toContain(String(r.values.raison_sociale));
    }
    expect(text).not.toContain('confidentiel');
    expect(text).not.toContain('Réseaux');
  });
});
