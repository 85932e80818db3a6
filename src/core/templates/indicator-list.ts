import {
  DERIVED,
  describeConstraint,
  INDICATORS,
  SECTIONS,
  type DerivedDef,
  type IndicatorDef,
  type Settings,
} from '../../schema/index.js';
import { INDICATORS_SHEET } from '../template-layout.js';
import type { CellModel, SheetModel } from '../workbook-model.js';
import { withRowHeights } from '../text-layout.js';
import * as S from './styles.js';

/** One line of the indicators' reference sheet. */
export interface IndicatorEntry {
  readonly code: string;
  readonly label: string;
  readonly section: string;
  readonly nature: 'collecté' | 'calculé';
  readonly unit: string;
  readonly required: string;
  readonly allowed: string;
  readonly definition: string;
  readonly objectives: readonly string[];
}

const SECTION_LABEL = new Map<string, string>(SECTIONS.map((s) => [s.code, s.label]));

export function baseEntry(def: IndicatorDef, settings: Settings): IndicatorEntry {
  return {
    code: def.code,
    label: def.label,
    section: SECTION_LABEL.get(def.section) ?? def.section,
    nature: 'collecté',
    unit: def.unit ?? '',
    required: def.required ? 'oui' : 'non',
    allowed: describeConstraint(def, settings),
    definition: def.definition,
    objectives: def.objectives,
  };
}

export function derivedEntry(def: DerivedDef): IndicatorEntry {
  const formula = def.kind === 'somme' ? def.numerator.join(' + ') : `(${def.numerator.join(' + ')}) / (${def.denominator.join(' + ')})`;
  return {
    code: def.code,
    label: def.label,
    section: 'Indicateurs calculés',
    nature: 'calculé',
    unit: def.unit,
    required: '',
    allowed: `calcul : ${formula}`,
    definition: def.definition,
    objectives: def.objectives,
  };
}

/** Every collected indicator (network table's dictionary). */
export function collectedEntries(settings: Settings): IndicatorEntry[] {
  return (INDICATORS as readonly IndicatorDef[]).map((d) => baseEntry(d, settings));
}

/** Indicators a target can be set on: summed counts and every derived indicator. */
export function measurableEntries(settings: Settings): IndicatorEntry[] {
  return [
    ...(INDICATORS as readonly IndicatorDef[]).filter((d) => d.aggregation === 'somme').map((d) => baseEntry(d, settings)),
    ...DERIVED.map(derivedEntry),
  ];
}

export const INDICATOR_LIST_FIRST_ROW = 2;

/** The reference sheet: codes in column A from row 2 (list validations point there), labels in B. */
export function indicatorListSheet(entries: readonly IndicatorEntry[]): SheetModel {
  const headers = ['Code', 'Libellé', 'Section', 'Nature', 'Unité', 'Obligatoire', 'Valeurs admises ou calcul', 'Définition', 'Objectifs de la stratégie'];
  const cells: CellModel[] = headers.map((h, i) => ({ row: 1, col: i + 1, value: h, style: S.HEADER }));
  entries.forEach((e, i) => {
    const row = INDICATOR_LIST_FIRST_ROW + i;
    const values = [e.code, e.label, e.section, e.nature, e.unit, e.required, e.allowed, e.definition, e.objectives.join(', ')];
    values.forEach((value, c) => cells.push({ row, col: c + 1, value, style: c === 0 ? { ...S.LABEL, numFmt: S.TEXT_FORMAT } : c === 7 || c === 6 ? S.HELP : S.LABEL }));
  });
  return withRowHeights({
    name: INDICATORS_SHEET,
    tabColor: '7F7F7F',
    columns: [{ width: 28 }, { width: 40 }, { width: 20 }, { width: 10 }, { width: 12 }, { width: 11 }, { width: 40 }, { width: 70 }, { width: 16 }],
    cells,
    freeze: { rows: 1, cols: 1 },
    protection: { enabled: true },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: '1:1' },
  });
}
