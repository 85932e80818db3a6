import {
  DERIVED,
  derivedValue,
  effectiveNumber,
  indicatorByCode,
  indicatorsOfGroup,
  isSiaeKind,
  SIAE_KINDS,
  sumOf,
  type DerivedDef,
  type IndicatorCode,
  type PartialReturn,
  type SectionCode,
  type Settings,
} from '../../schema/index.js';
import { columnLetters } from '../a1.js';
import { DECIMAL_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT } from './styles.js';

/**
 * The SIAE form's computed helper cells: each has an Excel formula (built from the cells of its
 * operands) and the same value computed by the schema's own functions, so that tests check
 * the formulas against the schema and fills can carry correct cached results.
 */

/** A helper's value: a number, "sans objet" (rate over 0), or '' (an operand is missing). */
export type HelperValue = number | string;
export const NOT_APPLICABLE = 'sans objet';

export interface HelperDef {
  /** A derived indicator's code, or one of the form's own helpers. */
  readonly key: string;
  readonly label: string;
  readonly help: string;
  readonly unit: string;
  readonly numFmt: string;
  readonly section: SectionCode;
  readonly formula: (ctx: FormulaContext) => string;
  readonly evaluate: (ret: PartialReturn, settings: Settings) => HelperValue;
}

/** Where the formulas find their operands. */
export interface FormulaContext {
  /** Column and row of each indicator's input cell. */
  readonly inputRow: (code: string) => number;
  readonly inputCol: number;
  /** Range of the kinds and of their hours per ETP in the parameters block, absolute A1. */
  readonly kindsRange: string;
  readonly hoursRange: string;
}

const SECTOR_CODES = indicatorsOfGroup('heures_secteurs').map((i) => i.code as IndicatorCode);
const SECTION_ORDER: readonly SectionCode[] = ['identification', 'personnes', 'heures', 'sorties', 'parcours'];

function ref(ctx: FormulaContext, code: string): string {
  return `$${columnLetters(ctx.inputCol)}$${ctx.inputRow(code)}`;
}

/** References to several inputs, merging consecutive rows into ranges ("$B$5:$B$9,$B$12"). */
function refs(ctx: FormulaContext, codes: readonly string[]): string {
  const rows = [...new Set(codes.map((c) => ctx.inputRow(c)))].sort((a, b) => a - b);
  const col = `$${columnLetters(ctx.inputCol)}`;
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${col}$${rows[i]}` : `${col}$${rows[i]}:${col}$${rows[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Condition that an operand has a value: a number, or (split members) any member given. */
function given(ctx: FormulaContext, code: string): string {
  return indicatorByCode(code)?.group ? `COUNT(${refs(ctx, SECTOR_CODES)})>0` : `ISNUMBER(${ref(ctx, code)})`;
}

function all(conds: readonly string[]): string {
  const unique = [...new Set(conds)];
  return unique.length === 1 ? unique[0]! : `AND(${unique.join(',')})`;
}

function sum(ctx: FormulaContext, codes: readonly string[]): string {
  return codes.length === 1 ? ref(ctx, codes[0]!) : `SUM(${refs(ctx, codes)})`;
}

function formatOf(d: DerivedDef): string {
  return d.format === 'pourcentage' ? PERCENT_FORMAT : d.format === 'entier' ? INTEGER_FORMAT : DECIMAL_FORMAT;
}

/** A derived indicator sits at the end of the section of its last operand in form order. */
function sectionOf(d: DerivedDef): SectionCode {
  const sections = [...d.numerator, ...d.denominator].map((c) => indicatorByCode(c)?.section ?? 'identification');
  return sections.reduce((a, b) => (SECTION_ORDER.indexOf(b) > SECTION_ORDER.indexOf(a) ? b : a));
}

function derivedHelper(d: DerivedDef): HelperDef {
  return {
    key: d.code,
    label: d.label,
    help: d.definition,
    // A share is shown as « 40,0 % » by its format: a « % » unit beside it would say it twice.
    unit: d.format === 'pourcentage' ? '' : d.unit,
    numFmt: formatOf(d),
    section: sectionOf(d),
    formula: (ctx) => {
      const cond = all([...d.numerator, ...d.denominator].map((c) => given(ctx, c)));
      const num = sum(ctx, d.numerator);
      if (d.kind === 'somme') return `IF(${cond},${num},"")`;
      const den = sum(ctx, d.denominator);
      return `IF(${cond},IF(${den}=0,"${NOT_APPLICABLE}",${num}/${den}),"")`;
    },
    evaluate: (ret) => {
      const v = derivedValue(d, sumOf(ret, d.numerator), d.kind === 'ratio' ? sumOf(ret, d.denominator) : undefined);
      return v.status === 'valeur' ? v.value : v.status === 'sans_objet' ? NOT_APPLICABLE : '';
    },
  };
}

/** Keys of the form's own helpers (not derived indicators of the schema). */
export const HELPER_ETP_FROM_HOURS = 'etp_calcules_heures';
export const HELPER_SECTOR_TOTAL = 'total_heures_secteurs';
export const HELPER_SECTOR_GAP = 'ecart_heures_secteurs';

const HOURS = 'heures_remunerees';
const KIND = 'type_siae';

const FORM_HELPERS: readonly HelperDef[] = [
  {
    key: HELPER_ETP_FROM_HOURS,
    label: 'ETP calculés à partir des heures',
    help: "Heures d'insertion rémunérées divisées par la durée annuelle de référence d'un ETP pour le type de SIAE (voir les paramètres en bas de la feuille). Les ETP réalisés déclarés doivent en être proches (à 5 % près).",
    unit: 'ETP',
    numFmt: DECIMAL_FORMAT,
    section: 'heures',
    formula: (ctx) => {
      const match = `MATCH(${ref(ctx, KIND)},${ctx.kindsRange},0)`;
      return `IF(AND(ISNUMBER(${ref(ctx, HOURS)}),ISNUMBER(${match})),${ref(ctx, HOURS)}/INDEX(${ctx.hoursRange},${match}),"")`;
    },
    evaluate: (ret, settings) => {
      const hours = effectiveNumber(ret, HOURS);
      const kind = ret.type_siae;
      return hours !== undefined && isSiaeKind(kind) ? hours / settings.hoursPerEtp[kind] : '';
    },
  },
  {
    key: HELPER_SECTOR_TOTAL,
    label: 'Total des heures par secteur',
    help: 'Somme des heures saisies par secteur : elle doit être égale aux heures rémunérées.',
    unit: 'heures',
    numFmt: DECIMAL_FORMAT,
    section: 'heures',
    formula: (ctx) => `IF(COUNT(${refs(ctx, SECTOR_CODES)})=0,"",SUM(${refs(ctx, SECTOR_CODES)}))`,
    evaluate: (ret) => sumOf(ret, SECTOR_CODES) ?? '',
  },
  {
    key: HELPER_SECTOR_GAP,
    label: 'Écart : heures par secteur − heures rémunérées',
    help: "Doit être nul (à 1 heure ou 0,1 % près) : sinon corrigez la ventilation par secteur ou les heures rémunérées.",
    unit: 'heures',
    numFmt: DECIMAL_FORMAT,
    section: 'heures',
    formula: (ctx) =>
      `IF(AND(COUNT(${refs(ctx, SECTOR_CODES)})>0,ISNUMBER(${ref(ctx, HOURS)})),SUM(${refs(ctx, SECTOR_CODES)})-${ref(ctx, HOURS)},"")`,
    evaluate: (ret) => {
      const total = sumOf(ret, SECTOR_CODES);
      const hours = effectiveNumber(ret, HOURS);
      return total !== undefined && hours !== undefined ? total - hours : '';
    },
  },
];

/** Every helper of the form, in display order within each section. */
export const SIAE_HELPERS: readonly HelperDef[] = [...FORM_HELPERS, ...DERIVED.map(derivedHelper)];

/** The kinds in the order of the parameters block (the formulas look them up there). */
export const PARAM_KINDS = SIAE_KINDS;
