import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colsOf, hiddenLowerBound, protectTable, rowsOf, type ProtectedTable } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS as S } from '../../../src/schema/index.js';
import { departementKindTable, periodScopes } from '../../../src/core/diffusion/index.js';
import { demoConsolidation } from './demo-result.js';

/**
 * The example of docs/diffusion.md, generated here from the demo (never typed by hand): one
 * département × kind table before and after suppression, with its audit. The test fails when
 * the document is stale; UPDATE_DOC=1 rewrites the block between the markers.
 */
const DOC = join(__dirname, '../../../docs/diffusion.md');
const BEGIN = '<!-- exemple généré : début -->';
const END = '<!-- exemple généré : fin -->';

function grid(p: ProtectedTable, hide: boolean): string[] {
  const t = p.table;
  const C = colsOf(t);
  const lines = [`| Département | ${t.colLabels.join(' | ')} |`, `| --- | ${t.colLabels.map(() => '---:').join(' | ')} |`];
  for (let r = 0; r < rowsOf(t); r++) {
    const cells = Array.from({ length: C }, (_, c) => {
      const i = r * C + c;
      const reason = p.hidden.get(i);
      if (!hide) return reason && reason !== 'secondaire' ? `**${t.values[i]}**` : reason ? `*${t.values[i]}*` : String(t.values[i]);
      return reason ? 's' : String(t.values[i]);
    });
    lines.push(`| ${t.rowLabels[r]} | ${cells.join(' | ')} |`);
  }
  return lines;
}

export function exampleMarkdown(): string {
  const { result } = demoConsolidation();
  const periode = result.periods.at(-1)!;
  const scopes = periodScopes(result.byPeriod.get(periode)!, result.kept);
  const p = protectTable(departementKindTable(scopes, 'sous_main_justice', 'count'), S);
  const primary = [...p.hidden.values()].filter((r) => r !== 'secondaire').length;
  const out = [
    `Tableau « ${p.table.title} » de la démo (${periode}), paramètres par défaut. ${primary} cellule(s) masquée(s) par les règles (en gras), ${p.hidden.size - primary} par le masquage secondaire (en italique) ; aucune méthode ne peut en masquer moins de ${hiddenLowerBound(p.table, S)} sous ces règles.`,
    '',
    '**Avant** (chiffres vrais) :',
    '',
    ...grid(p, false),
    '',
    '**Après** (version diffusable) :',
    '',
    ...grid(p, true),
    '',
    "**Audit** : pour chaque cellule masquée, les valeurs extrêmes compatibles avec tout ce qui est publié :",
    '',
    '| Ligne | Colonne | Minimum | Maximum | Écart requis | Conforme |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...p.audit.entries.map((e) => `| ${e.row} | ${e.col} | ${e.lower} | ${e.upper ?? 'non borné'} | ${e.required} | ${e.ok ? 'oui' : 'non'} |`),
  ];
  return out.join('\n');
}

describe('docs/diffusion.md', () => {
  it("contient l'exemple généré par le code, à jour", () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `marqueurs absents de ${DOC}`).toBeGreaterThanOrEqual(0);
    const generated = `${BEGIN}\n${exampleMarkdown()}\n${END}`;
    const current = doc.slice(start, end + END.length);
    if (process.env.UPDATE_DOC === '1' && current !== generated) writeFileSync(DOC, doc.slice(0, start) + generated + doc.slice(end + END.length));
    else expect(current, 'exemple périmé : UPDATE_DOC=1 npx vitest run test/core/diffusion/doc-example.test.ts').toBe(generated);
  });
});
