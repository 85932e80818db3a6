import {
  departementsOfRegion,
  formatPercentFr,
  indicatorByCode,
  indicatorsOfGroup,
  RULES,
  SECTIONS,
  SIAE_KINDS,
  type IndicatorDef,
  type RuleDef,
  type Settings,
} from '../../schema/index.js';

/**
 * The schema's cross-field rules (rules.ts, evaluated by rules-eval.ts) translated ONCE into
 * spreadsheet formulas, so that a form flags as the user types exactly what the validator will
 * report. Each translation mirrors compileRule case by case:
 * - a value counts when its field check would accept it: a number (the cell's data validation
 *   refuses negative and, for counts, decimal numbers as they are typed), a known kind or
 *   département, a 5-character commune; text in a number cell counts as missing, as for the
 *   validator;
 * - a rule whose operands are missing says nothing;
 * - in a split group (hours by sector), a member left blank counts 0 once another is given.
 * Only functions Excel and LibreOffice share; English names and ',' separators, as in the model.
 */

/** Where the formulas find each indicator's cell: an A1 reference, absolute or relative. */
export interface RuleFormulaContext {
  readonly ref: (code: string) => string;
  readonly settings: Settings;
}

export interface RuleFormula {
  readonly rule: RuleDef;
  /** TRUE exactly when the validator reports the rule on the same values. */
  readonly fails: string;
  /** A text expression: the validator's French message, its values read from the cells. */
  readonly message: string;
}

const SECTORS = new Set(indicatorsOfGroup('heures_secteurs').map((d) => d.code));
const SECTOR_LIST = [...SECTORS];

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const and = (conds: readonly string[]): string => {
  const unique = [...new Set(conds)];
  return unique.length === 1 ? unique[0]! : `AND(${unique.join(',')})`;
};
/** A comparison evaluated only once its operands are given: IF is lazy, AND is not (text + 1 is an error). */
const when = (given: readonly string[], test: string): string => `IF(${and(given)},${test},FALSE)`;
const or = (conds: readonly string[]): string => (conds.length === 1 ? conds[0]! : `OR(${conds.join(',')})`);

function defOf(code: string): IndicatorDef {
  const def = indicatorByCode(code);
  if (!def) throw new Error(`Indicateur inconnu dans une règle : ${code}`);
  return def;
}

/**
 * The cell holds a value its field check accepts, for the types the rules read. A number is
 * taken as valid: the cell's own data validation refuses negative and (for counts) decimal
 * numbers as they are typed, and a formula repeated on a thousand table rows must stay short
 * (templates under 200 KB). Text in a number cell counts as missing, as for the validator.
 */
function valid(ctx: RuleFormulaContext, code: string): string {
  const r = ctx.ref(code);
  const def = defOf(code);
  switch (def.type) {
    case 'entier':
    case 'decimal':
      return `ISNUMBER(${r})`;
    case 'type_siae':
      return or(SIAE_KINDS.map((k) => `${r}=${quote(k)}`));
    case 'departement':
      return or(departementsOfRegion(ctx.settings.regionCode).map((d) => `${r}=${quote(d.code)}`));
    case 'commune':
      return `LEN(${r})=5`;
    default:
      throw new Error(`Type « ${def.type} » non prévu dans une règle (${code}).`);
  }
}

/** A numeric operand: when it is given, and its value (effectiveNumber). */
interface Operand {
  readonly given: string;
  readonly value: string;
}

const numeric = (code: string): boolean => defOf(code).type === 'entier' || defOf(code).type === 'decimal';

function operand(ctx: RuleFormulaContext, code: string): Operand {
  if (!SECTORS.has(code)) return { given: valid(ctx, code), value: ctx.ref(code) };
  // A member of the split: given as soon as any member is; blank or text counts 0 (N).
  return { given: `COUNT(${SECTOR_LIST.map(ctx.ref).join(',')})>0`, value: `N(${ctx.ref(code)})` };
}

function sumOperand(ctx: RuleFormulaContext, codes: readonly string[]): Operand {
  const wholeSplit = codes.length === SECTORS.size && codes.every((c) => SECTORS.has(c));
  if (wholeSplit) {
    const refs = codes.map(ctx.ref).join(',');
    // SUM skips blank and text cells: the split's members left blank count 0.
    return { given: `COUNT(${refs})>0`, value: `SUM(${refs})` };
  }
  if (codes.length > 1 && codes.every((c) => numeric(c) && !SECTORS.has(c))) {
    const refs = codes.map(ctx.ref);
    return { given: `COUNT(${refs.join(',')})=${codes.length}`, value: `(${refs.join('+')})` };
  }
  const ops = codes.map((c) => operand(ctx, c));
  return { given: and(ops.map((o) => o.given)), value: ops.length === 1 ? ops[0]!.value : `(${ops.map((o) => o.value).join('+')})` };
}

/** Hours of one ETP for the kind in the cell (settings), for a cell known to hold a valid kind. */
function hoursPerEtp(ctx: RuleFormulaContext, kindRef: string): string {
  const kinds = [...SIAE_KINDS];
  const last = kinds.pop()!;
  return kinds.reduceRight((acc, k) => `IF(${kindRef}=${quote(k)},${ctx.settings.hoursPerEtp[k]},${acc})`, String(ctx.settings.hoursPerEtp[last]));
}

/** The message template with each placeholder replaced by a text or a formula piece. */
function messageFormula(template: string, vars: Record<string, { text: string } | { expr: string }>): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const v = vars[m[1]!];
    if (!v) throw new Error(`Variable {${m[1]}} sans traduction dans le message « ${template} ».`);
    const before = template.slice(last, m.index) + ('text' in v ? v.text : '');
    if ('text' in v) {
      parts.push(before);
    } else {
      parts.push(before, `\u0000${v.expr}`);
    }
    last = m.index! + m[0].length;
  }
  parts.push(template.slice(last));
  // Merge consecutive texts, then join texts (quoted) and expressions with &.
  const pieces: string[] = [];
  let text = '';
  for (const p of parts) {
    if (p.startsWith('\u0000')) {
      if (text) pieces.push(quote(text));
      text = '';
      pieces.push(p.slice(1));
    } else text += p;
  }
  if (text) pieces.push(quote(text));
  return pieces.join('&');
}

const sectionLabel = (code: string): string => SECTIONS.find((s) => s.code === defOf(code).section)?.label ?? code;
const label = (code: string): string => defOf(code).label;
const round2 = (expr: string): string => `ROUND(${expr},2)`;

/** One rule as formulas over the cells of one return. */
export function ruleFormula(rule: RuleDef, ctx: RuleFormulaContext): RuleFormula {
  const r = translate(rule, ctx);
  return { rule, fails: when(r.given, r.test), message: r.message };
}

interface Translation {
  /** Conditions that the operands are given. */
  readonly given: readonly string[];
  /** The failing test, evaluated only once given (it may divide or add). */
  readonly test: string;
  readonly message: string;
}

function translate(rule: RuleDef, ctx: RuleFormulaContext): Translation {
  const ref = ctx.ref;
  switch (rule.kind) {
    case 'au_plus_total': {
      const parts = sumOperand(ctx, rule.parts);
      const total = operand(ctx, rule.total);
      return {
        given: [parts.given, total.given],
        test: `${parts.value}>${total.value}`,
        message: messageFormula(rule.message, {
          parts: { text: rule.parts.map(label).join(' + ') },
          partsValue: { expr: parts.value },
          total: { text: label(rule.total) },
          totalValue: { expr: total.value },
        }),
      };
    }
    case 'ventilation_egale_total': {
      const parts = sumOperand(ctx, rule.parts);
      const total = operand(ctx, rule.total);
      const tolerance = `MAX(${rule.tolerance.absolute},${rule.tolerance.relative}*${total.value})`;
      const gap = `ABS(${parts.value}-${total.value})`;
      return {
        given: [parts.given, total.given],
        test: `${gap}>${tolerance}`,
        message: messageFormula(rule.message, {
          partsValue: { expr: parts.value },
          totalValue: { expr: total.value },
          gap: { expr: round2(gap) },
          tolerance: { expr: round2(tolerance) },
        }),
      };
    }
    case 'ventilation_renseignee': {
      const parts = sumOperand(ctx, rule.parts);
      const total = operand(ctx, rule.total);
      return {
        given: [total.given],
        test: `AND(${total.value}>0,NOT(${parts.given}))`,
        message: messageFormula(rule.message, { totalValue: { expr: total.value } }),
      };
    }
    case 'etp_coherent_heures': {
      const etp = operand(ctx, rule.etp);
      const hours = operand(ctx, rule.hours);
      const kind = ref('type_siae');
      const perEtp = hoursPerEtp(ctx, kind);
      const expected = `${hours.value}/${perEtp}`;
      const gap = `ABS(${etp.value}-${expected})`;
      const near = `OR(${gap}<=${rule.relativeTolerance}*MAX(${expected},${etp.value}),${gap}<0.01)`;
      return {
        given: [etp.given, hours.given, valid(ctx, 'type_siae')],
        test: `NOT(${near})`,
        message: messageFormula(rule.message, {
          etpValue: { expr: etp.value },
          hoursPerEtp: { expr: perEtp },
          expected: { expr: round2(expected) },
          kind: { expr: kind },
        }),
      };
    }
    case 'heures_par_personne_plausibles': {
      const hours = operand(ctx, rule.hours);
      const people = operand(ctx, rule.people);
      const kind = ref('type_siae');
      const perEtp = hoursPerEtp(ctx, kind);
      return {
        given: [hours.given, people.given, valid(ctx, 'type_siae')],
        test: `IF(${people.value}>0,${hours.value}/${people.value}>${rule.factor}*${perEtp},FALSE)`,
        message: messageFormula(rule.message, {
          perPerson: { expr: `ROUND(${hours.value}/${people.value},0)` },
          hoursPerEtp: { expr: perEtp },
          kind: { expr: kind },
        }),
      };
    }
    case 'ratio_maximal': {
      const n = operand(ctx, rule.numerator);
      const d = operand(ctx, rule.denominator);
      return {
        given: [n.given, d.given],
        test: `IF(${d.value}>0,${n.value}/${d.value}>${rule.max},FALSE)`,
        message: messageFormula(rule.message, {
          ratio: { expr: `ROUND(100*${n.value}/${d.value},1)&" %"` },
          numeratorValue: { expr: n.value },
          denominatorValue: { expr: d.value },
          max: { text: formatPercentFr(rule.max) },
        }),
      };
    }
    case 'positif_implique_positif': {
      const whenOp = operand(ctx, rule.when);
      const then = operand(ctx, rule.then);
      return {
        given: [whenOp.given, then.given],
        test: `AND(${whenOp.value}>0,${then.value}<=0)`,
        message: messageFormula(rule.message, { whenValue: { expr: whenOp.value } }),
      };
    }
    case 'commune_dans_departement': {
      const c = ref(rule.commune);
      const d = ref(rule.departement);
      return {
        given: [valid(ctx, rule.commune), valid(ctx, rule.departement)],
        test: `LEFT(${c},IF(LEFT(${c},2)="97",3,2))<>${d}`,
        message: messageFormula(rule.message, { communeValue: { expr: c }, departementValue: { expr: d } }),
      };
    }
  }
}

/** Every rule of the schema, in the schema's order. */
export function ruleFormulas(ctx: RuleFormulaContext, rules: readonly RuleDef[] = RULES): RuleFormula[] {
  return rules.map((r) => ruleFormula(r, ctx));
}

/** A short French name of what a failing rule means, for a summary cell (unique per rule). */
export function ruleShortLabel(rule: RuleDef): string {
  const l = (code: string) => defOf(code).label;
  switch (rule.kind) {
    case 'au_plus_total':
      // Many parts read as their section (« Sorties »); the total keeps its first word.
      return `${rule.parts.length > 2 ? sectionLabel(rule.parts[0]!) : rule.parts.map(l).join(' + ')} > ${l(rule.total).split(' ')[0]!.toLowerCase()}`;
    case 'ventilation_egale_total':
      return 'Heures par secteur ≠ heures rémunérées';
    case 'ventilation_renseignee':
      return 'Heures non ventilées par secteur';
    case 'etp_coherent_heures':
      return 'ETP éloignés des heures';
    case 'heures_par_personne_plausibles':
      return 'Heures par personne > temps plein';
    case 'ratio_maximal':
      return `${l(rule.numerator)} > ${formatPercentFr(rule.max)} des ${l(rule.denominator)}`;
    case 'positif_implique_positif':
      return `${l(rule.when)} sans ${l(rule.then).toLowerCase()}`;
    case 'commune_dans_departement':
      return 'Commune hors du département';
  }
}

/** « Erreur » or « À vérifier »: what a flag says about its rule's severity. */
export function severityWord(rule: RuleDef): string {
  return rule.severity === 'erreur' ? 'Erreur' : 'À vérifier';
}
