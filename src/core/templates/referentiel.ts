import { indicatorByCode, regionName, SCHEMA_VERSION, YEAR_MAX, YEAR_MIN, type IndicatorDef, type Settings } from '../../schema/index.js';
import { columnLetters, sheetRef, toA1 } from '../a1.js';
import {
  NAME_REFERENTIEL_YEAR,
  REFERENTIEL_COLUMNS,
  REFERENTIEL_INPUT_ROWS,
  REFERENTIEL_SHEET,
  REFERENTIEL_TABLE,
} from '../template-layout.js';
import type { CellModel, DataValidationModel, SheetModel, StyleModel, WorkbookModel } from '../workbook-model.js';
import { withCellValues, type CellWrite } from './fill.js';
import { instructionsSheet } from './instructions.js';
import { metaDefinedNames, metaSheet } from './metadata.js';
import type { SendBackSettings } from './send-back.js';
import * as S from './styles.js';
import { withRowHeights } from '../text-layout.js';
import { indicatorNumFmt, indicatorValidation, validationTexts } from './validations.js';

/** Rows of the référentiel sheet: title, help, the campaign year, then the table. */
export const REFERENTIEL_LAYOUT = {
  yearRow: 4,
  yearLabelCol: 1,
  yearValueCol: 2,
  headerRow: 6,
  firstDataRow: 7,
  lastDataRow: 6 + REFERENTIEL_INPUT_ROWS,
} as const;

type Column = (typeof REFERENTIEL_COLUMNS)[number];

const columnDef = (c: Column): IndicatorDef | undefined => ('indicator' in c ? indicatorByCode(c.indicator) : undefined);

/** The header a column shows: the schema's label for the identification columns. */
export function referentielHeader(c: Column): string {
  return 'header' in c ? c.header : columnDef(c)!.label;
}

const WIDTHS: Record<Column['key'], number> = { siret: 17, annexe: 22, nom: 40, kind: 10, departement: 14, reseau: 28, contact: 38 };

function columnValidation(c: Column, settings: Settings, range: string): DataValidationModel {
  const def = columnDef(c);
  if (def) return indicatorValidation(def, settings, range);
  const help = c.key === 'reseau' ? "Réseau auquel la SIAE adhère (ex. Chantier école), s'il y a lieu." : 'Qui relancer : nom, courriel ou téléphone.';
  return { range, type: 'textLength', operator: 'between', formulae: ['1', '200'], allowBlank: true, ...validationTexts({ title: referentielHeader(c), help, allowed: '1 à 200 caractères' }) };
}

function referentielSheet(settings: Settings): SheetModel {
  const L = REFERENTIEL_LAYOUT;
  const cells: CellModel[] = [
    { row: 1, col: 1, value: `Référentiel des SIAE attendues, région ${regionName(settings.regionCode)}`, style: S.TITLE },
    {
      row: 2,
      col: 1,
      value: `Une ligne par SIAE conventionnée (un SIRET) dont on attend le retour pour l'année de la campagne, à partir de la ligne ${L.firstDataRow}. Cases jaunes à remplir ; voir la feuille « Mode d'emploi ». Schéma des indicateurs version ${SCHEMA_VERSION}.`,
      style: { italic: true, wrap: true, vertical: 'top' },
    },
    { row: L.yearRow, col: L.yearLabelCol, value: 'Année de la campagne', style: { ...S.LABEL, bold: true, fill: S.COLORS.section } },
    { row: L.yearRow, col: L.yearValueCol, style: S.inputStyle(S.YEAR_FORMAT) },
  ];
  const validations: DataValidationModel[] = [
    {
      range: toA1(L.yearRow, L.yearValueCol),
      type: 'whole',
      operator: 'between',
      formulae: [String(YEAR_MIN), String(YEAR_MAX)],
      allowBlank: true,
      ...validationTexts({ title: 'Année de la campagne', help: 'Année civile des retours attendus (ex. 2025).', allowed: `une année de ${YEAR_MIN} à ${YEAR_MAX}` }),
    },
  ];
  const rangeStyles: { range: string; style: StyleModel }[] = [];
  REFERENTIEL_COLUMNS.forEach((c, i) => {
    const col = i + 1;
    const letters = columnLetters(col);
    const range = `${letters}${L.firstDataRow}:${letters}${L.lastDataRow}`;
    cells.push({ row: L.headerRow, col, value: referentielHeader(c), style: { ...S.HEADER, color: 'FFFFFF', fill: S.COLORS.title } });
    validations.push(columnValidation(c, settings, range));
    const def = columnDef(c);
    rangeStyles.push({ range, style: S.inputStyle(def ? indicatorNumFmt(def) : S.TEXT_FORMAT) });
  });
  return withRowHeights({
    name: REFERENTIEL_SHEET,
    tabColor: S.COLORS.title,
    columns: REFERENTIEL_COLUMNS.map((c) => ({ width: WIDTHS[c.key] })),
    cells,
    rangeStyles,
    merges: [`A2:${toA1(2, REFERENTIEL_COLUMNS.length)}`],
    freeze: { rows: L.headerRow, cols: 0 },
    validations,
    tables: [{ name: REFERENTIEL_TABLE, topLeft: toA1(L.headerRow, 1), columns: REFERENTIEL_COLUMNS.map(referentielHeader), rowCount: REFERENTIEL_INPUT_ROWS, style: 'TableStyleLight1' }],
    protection: { enabled: true },
    // Seven columns fit an A4 landscape page; the header row repeats on every page.
    print: { orientation: 'landscape', fitToWidth: true, titleRows: `${L.headerRow}:${L.headerRow}` },
  });
}

/** Référentiel des SIAE: the campaign year and one row per expected SIAE, with its network and contact. */
export function buildReferentielTemplate(settings: Settings, sendBack: SendBackSettings = {}): WorkbookModel {
  const L = REFERENTIEL_LAYOUT;
  return {
    sheets: [instructionsSheet('referentiel', settings, sendBack), referentielSheet(settings), metaSheet('referentiel', settings)],
    definedNames: [
      { name: NAME_REFERENTIEL_YEAR, ref: sheetRef(REFERENTIEL_SHEET, { top: L.yearRow, left: L.yearValueCol, bottom: L.yearRow, right: L.yearValueCol }) },
      ...metaDefinedNames(),
    ],
    properties: { title: 'Référentiel des SIAE attendues', subject: `Schéma des indicateurs ${SCHEMA_VERSION}`, creator: 'Indicateurs IAE' },
  };
}

/** One row of a filled référentiel, as typed (any cell may hold a wrong value: the reader checks). */
export type ReferentielRow = Partial<Record<(typeof REFERENTIEL_COLUMNS)[number]['key'], string | number>>;

/** The template filled with a campaign year and rows (demo, tests, a list exported from elsewhere). */
export function fillReferentiel(settings: Settings, periode: number | undefined, rows: readonly ReferentielRow[]): WorkbookModel {
  const L = REFERENTIEL_LAYOUT;
  if (rows.length > REFERENTIEL_INPUT_ROWS) throw new Error(`Trop de lignes pour le modèle de référentiel : ${rows.length}.`);
  const writes: CellWrite[] = periode !== undefined ? [{ row: L.yearRow, col: L.yearValueCol, value: periode }] : [];
  rows.forEach((r, i) => {
    REFERENTIEL_COLUMNS.forEach((c, j) => {
      const v = r[c.key];
      if (v !== undefined) writes.push({ row: L.firstDataRow + i, col: j + 1, value: v });
    });
  });
  return withCellValues(buildReferentielTemplate(settings), REFERENTIEL_SHEET, writes);
}
