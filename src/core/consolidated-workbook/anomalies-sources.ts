import type { ConsolidationResult } from '../consolidate/index.js';
import type { ValidationIssue } from '../records.js';
import type { CellModel, SheetModel, TableModel } from '../workbook-model.js';
import { HEADER_STYLE, NOTE_STYLE, TITLE_STYLE } from './formats.js';
import { tableBlock, tableSheet, type BlockColumn } from './table-block.js';

export const SHEET_ANOMALIES = 'Anomalies';
export const SHEET_SOURCES = 'Sources';
export const TABLE_ANOMALIES = 'IAE_Anomalies';
export const TABLE_SOURCES = 'IAE_Sources';
export const TABLE_EXCLUS = 'IAE_Retours_ecartes';
export const TABLE_DOUBLONS = 'IAE_Doublons';
export const TABLE_RETENUS = 'IAE_Retours_retenus';

const SEVERITY_LABEL = { erreur: 'Erreur', avertissement: 'Avertissement' } as const;

/** Every issue, with its file, sheet and cell: errors first, then by file and position. */
export function anomaliesSheet(issues: readonly ValidationIssue[]): SheetModel {
  const sorted = [...issues].sort(
    (a, b) =>
      Number(b.severity === 'erreur') - Number(a.severity === 'erreur') ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0),
  );
  const columns: BlockColumn[] = [
    { header: 'Gravité', width: 14 },
    { header: 'Code', width: 18 },
    { header: 'Fichier', width: 30 },
    { header: 'Feuille', width: 18 },
    { header: 'Cellule', width: 9 },
    { header: 'Ligne', width: 7 },
    { header: 'Indicateur', width: 22 },
    { header: 'Valeur lue', width: 16 },
    { header: 'Message', width: 90, style: { wrap: true } },
  ];
  const errors = issues.filter((i) => i.severity === 'erreur').length;
  return tableSheet({
    name: SHEET_ANOMALIES,
    tabColor: 'C00000',
    title: 'Anomalies relevées',
    note: `${errors} erreur(s) et ${issues.length - errors} avertissement(s). Un retour avec une erreur est écarté des chiffres ; un avertissement n'écarte rien.`,
    tableName: TABLE_ANOMALIES,
    columns,
    rows: sorted.map((i) => ({
      values: [SEVERITY_LABEL[i.severity], i.code, i.file, i.sheet ?? null, i.cell ?? null, i.row ?? null, i.indicator ?? null, i.value ?? null, i.message],
    })),
    empty: 'Aucune anomalie.',
    freezeCols: 0,
    lights: {
      col: 1,
      rules: [
        { text: SEVERITY_LABEL.erreur, style: { fill: 'FFC7CE', color: '9C0006' } },
        { text: SEVERITY_LABEL.avertissement, style: { fill: 'FFEB9C', color: '9C5700' } },
      ],
    },
  });
}

/** Files read with what each gave; then the returns left out and the duplicates. */
export function sourcesSheet(result: ConsolidationResult): SheetModel {
  const cells: CellModel[] = [{ row: 1, col: 1, value: 'Sources de la consolidation', style: TITLE_STYLE }];
  const tables: TableModel[] = [];
  let top = 3;
  const section = (title: string, name: string, columns: BlockColumn[], rows: (string | number | null)[][], empty: string) => {
    cells.push({ row: top, col: 1, value: title, style: HEADER_STYLE });
    const b = tableBlock(name, top + 1, 1, columns, rows.map((values) => ({ values })));
    for (const c of b.cells) cells.push(c);
    if (b.table) tables.push(b.table);
    else cells.push({ row: top + 2, col: 1, value: empty, style: NOTE_STYLE });
    top = Math.max(b.bottom, top + 2) + 3;
  };
  section(
    'Fichiers lus',
    TABLE_SOURCES,
    [
      { header: 'Fichier' },
      { header: 'Retours lus' },
      { header: 'Retours retenus' },
      { header: 'Retours écartés (erreurs)' },
      { header: 'Doublons écartés' },
      { header: 'Erreurs' },
      { header: 'Avertissements' },
    ],
    result.sources.map((s) => [s.file, s.returns, s.kept, s.excluded, s.duplicatesDropped, s.errors, s.warnings]),
    'Aucun fichier lu.',
  );
  section(
    'Retours écartés (au moins une erreur)',
    TABLE_EXCLUS,
    [{ header: 'Fichier' }, { header: 'Feuille' }, { header: 'Ligne' }, { header: 'SIRET' }, { header: 'Raison sociale' }, { header: 'Motifs' }],
    result.excluded.map((e) => [
      e.record.source.file,
      e.record.source.sheet,
      e.record.source.row ?? null,
      typeof e.record.values.siret === 'string' ? e.record.values.siret : null,
      typeof e.record.values.raison_sociale === 'string' ? e.record.values.raison_sociale : null,
      e.reasons.join(' | '),
    ]),
    'Aucun retour écarté.',
  );
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  section(
    'Retours retenus (chaque chiffre en est la somme : filtrez par année, département et type pour retrouver ceux d\'un agrégat)',
    TABLE_RETENUS,
    [
      { header: 'Fichier' },
      { header: 'Feuille' },
      { header: 'Ligne' },
      { header: 'SIRET' },
      { header: 'Raison sociale' },
      { header: 'Année' },
      { header: 'Département' },
      { header: 'Type de SIAE' },
    ],
    result.kept.map((r) => [
      r.source.file,
      r.source.sheet,
      r.source.row ?? null,
      text(r.values.siret),
      text(r.values.raison_sociale),
      typeof r.values.annee === 'number' ? r.values.annee : null,
      text(r.values.departement),
      text(r.values.type_siae),
    ]),
    'Aucun retour retenu.',
  );
  const where = (s: { file: string; sheet: string; row?: number }) => `${s.file} – ${s.sheet}${s.row !== undefined ? ` – ligne ${s.row}` : ''}`;
  section(
    'Doublons (même SIRET, même année) : comptés une seule fois',
    TABLE_DOUBLONS,
    [{ header: 'SIRET' }, { header: 'Année' }, { header: 'Retour retenu' }, { header: 'Retour(s) écarté(s)' }, { header: 'Règle appliquée' }],
    result.duplicates.map((d) => [d.siret, d.periode, where(d.kept), d.dropped.map(where).join(' | '), d.reason]),
    'Aucun doublon.',
  );
  return {
    name: SHEET_SOURCES,
    columns: [{ width: 40 }, { width: 22 }, { width: 16 }, { width: 18 }, { width: 34 }, { width: 60 }, { width: 14 }, { width: 14 }],
    cells,
    tables,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}
