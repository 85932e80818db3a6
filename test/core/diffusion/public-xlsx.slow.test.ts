import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPublicWorkbook, publicWorkbookOfRun } from '../../../src/core/diffusion/index.js';
import type { ConsolidationRun } from '../../../src/core/run/index.js';
import { publicVersionFile } from '../../../src/apps/taskpane/public-version.js';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index.js';
import { demoConsolidation, twoYearConsolidation } from './demo-result.js';
import { networks } from './demo-networks.js';
import { demoRun } from './demo-run.js';

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every part of an xlsx as text, XML entities decoded. */
async function allParts(bytes: Uint8Array): Promise<{ names: string[]; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  let text = '';
  for (const f of parts) text += unescapeXml(await f.async('string')) + '\n';
  return { names: parts.map((f) => f.name), text };
}

// Writes an xlsx with ExcelJS and scans every part: « lents ».
describe('fichier xlsx de la version diffusable', () => {
  it('d\'un traitement avec réseaux et deux années : ni SIRET, ni nom de structure, ni fichier, et les mêmes octets que le volet', async () => {
    const { run, records } = demoRun();
    const pv = publicWorkbookOfRun(run);
    expect(pv.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Par réseau', 'Évolution']));
    const bytes = await writeWorkbookModel(pv.workbook);
    const { text } = await allParts(bytes);
    expect(text).toContain('secret statistique');
    expect(text).toContain('Réseau régional A');
    for (const r of records) {
      expect(text).not.toContain(String(r.values.siret));
      expect(text).not.toContain(String(r.values.raison_sociale));
    }
    expect(text).not.toContain('confidentiel');
    expect(text).not.toContain('Réseaux');
    expect(text).not.toContain('referentiel.xlsx');
    // The pane (and the Excel host's new workbook, which opens the pane's bytes) writes this very file.
    const pane = await publicVersionFile(run as ConsolidationRun);
    expect(Buffer.from(pane.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

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
