/**
 * The national campaign the campaign bench runs on, built from the demo's returns: n SIAE over
 * the 101 départements, two years of returns, a référentiel (each SIAE with its network) and an
 * ASP extract, as plain objects of the shared types (records already parsed). Apart from the
 * bench so that a profile (node --cpu-prof) can run the same data.
 */
import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import type { AspExtract, AspRow } from '../../src/core/asp/index.js';
import type { Referentiel, ReferentielEntry } from '../../src/core/campaign/index.js';
import { generateDemoRegion } from '../../src/core/demo/index.js';
import type { ReturnRecord, ValidationIssue } from '../../src/core/records.js';
import type { RunInput } from '../../src/core/run/index.js';
import type { FileReport, ValidationReport } from '../../src/core/validate/report.js';
import { luhnValid, type PartialReturn, type SiaeKind } from '../../src/schema/index.js';

export const YEARS = [2024, 2025] as const;
const NETWORKS = ['Chantier école', 'Coorace', 'Fédération des entreprises d\'insertion', 'Emmaüs', 'Tissons la solidarité', 'Unai'];
// The 101 départements: metropolitan France and the five overseas départements.
export const DEPS = (departementsData as { code: string; region?: string; zone?: string }[])
  .filter((d) => d.region && (d.zone === 'metro' || d.zone === 'drom'))
  .map((d) => d.code);
if (DEPS.length !== 101) throw new Error(`${DEPS.length} départements au lieu de 101.`);

export function siret(i: number): string {
  const first13 = `6${String(i).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  throw new Error('siret');
}

export const demo = generateDemoRegion().siae.map((s) => s.values);

export interface Campaign {
  readonly input: RunInput;
  readonly records: number;
}

/** n SIAE: each a demo return moved to département i mod 101, for both years; one network table per département and year. */
export function campaign(n: number): Campaign {
  const files = new Map<string, { dep: string; records: ReturnRecord[]; issues: ValidationIssue[] }>();
  const forms: ReturnRecord[] = [];
  const entries: ReferentielEntry[] = [];
  const aspRows: AspRow[] = [];
  for (let i = 0; i < n; i++) {
    const dep = DEPS[i % DEPS.length]!;
    const v = demo[i % demo.length]!;
    const s = siret(i);
    const kind = v.type_siae as SiaeKind;
    const annexe = `${kind}0${dep.padStart(2, '0')}25${String(i).padStart(4, '0')}`;
    entries.push({
      siret: s,
      annexe,
      nom: `SIAE ${i}`,
      kind,
      departement: dep,
      // One SIAE in seven has no network in the référentiel: it takes its table's sender.
      ...(i % 7 === 0 ? {} : { reseau: NETWORKS[i % NETWORKS.length]! }),
      source: { file: 'referentiel.xlsx', sheet: 'Référentiel', row: 5 + i },
    });
    for (const annee of YEARS) {
      const file = `reseau-${dep}-${annee}.xlsx`;
      let f = files.get(file);
      if (!f) files.set(file, (f = { dep, records: [], issues: [] }));
      const values: PartialReturn = { ...v, siret: s, annexe_financiere: `${annexe}A0M1`, departement: dep, annee };
      const row = 10 + f.records.length;
      // One SIAE in 25 has an error in 2025 (its return left out); one in 40 also sent its own form (a duplicate).
      const wrong = annee === 2025 && i % 25 === 0;
      f.records.push({ values, source: { file, sheet: 'Retours', row, cells: {} }, errors: wrong ? 1 : 0, warnings: 0 });
      if (wrong) f.issues.push({ code: 'constraint-error', severity: 'erreur', file, sheet: 'Retours', row, cell: `K${row}`, message: '« Femmes » dépasse « Personnes en insertion ».' });
      if (annee === 2025 && i % 40 === 1) forms.push({ values, source: { file: `siae-${i}.xlsx`, sheet: 'Retour SIAE', cells: {} }, errors: 0, warnings: 0 });
      const personnes = typeof v.personnes === 'number' ? v.personnes : 0;
      aspRows.push({
        annee,
        typeSiae: kind,
        annexe,
        annexeBrute: `${annexe}A0M1`,
        siret: s,
        denomination: `SIAE ${i}`,
        departement: dep,
        // A few figures differ from the returns, as in a real extract.
        figures: { personnes: i % 11 === 0 ? personnes + 1 : personnes, femmes: typeof v.femmes === 'number' ? v.femmes : 0 },
        source: { sheet: 'Extraction', row: 2 + aspRows.length, cells: {} },
      });
    }
  }
  const fileReports: FileReport[] = [];
  let records = 0;
  for (const [file, f] of files) {
    records += f.records.length;
    fileReports.push({
      file,
      template: { kind: 'reseau', via: 'metadata' },
      sheets: ['Retours'],
      records: f.records,
      issues: f.issues,
      counts: { rows: f.records.length, records: f.records.length, errors: f.issues.length, warnings: 0, omitted: 0 },
      sender: { type: 'Réseau', nom: `Réseau départemental ${f.dep}`, departement: f.dep },
      unreadable: false,
    });
  }
  for (const r of forms) {
    records++;
    fileReports.push({
      file: r.source.file,
      template: { kind: 'siae', via: 'metadata' },
      sheets: [r.source.sheet],
      records: [r],
      issues: [],
      counts: { rows: 1, records: 1, errors: 0, warnings: 0, omitted: 0 },
      unreadable: false,
    });
  }
  const report: ValidationReport = {
    files: fileReports,
    stats: { files: fileReports.length, unreadableFiles: 0, rows: records, records, errors: 0, warnings: 0, timeMs: 0 },
    periods: [...YEARS],
  };
  const referentiel: Referentiel = { file: 'referentiel.xlsx', origin: 'modele', periode: 2025, entries, issues: [] };
  const asp: AspExtract = { file: 'extraction-asp.xlsx', sheet: 'Extraction', columns: [], rows: aspRows, issues: [] };
  return { input: { report, referentiel, asp }, records };
}
