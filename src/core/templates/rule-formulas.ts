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
 * - a value counts only when it would pass its own field check (a number ≥ 0, whole for counts,
 *   a known kind or département, a 5-character commune): the validator evaluates rules on the
 *   values that passed, a rejected value counts as missing;
 * - a rule whose operands are missing says nothing;
 * - in a split group (hours by sector), a member left blank counts 0 once another is given.
 * Only functions Excel and LibreOffice share; English names and ',' separators, as in the model.
 */

/** Where the formulas find each indicator's cell: an A1 reference, absolute or relative. */
export interface RuleFormulaContext {
  readonly ref: (code: string) => string;
  readonly settings: Settings;
  /**
   * Optional cells already holding shared pieces, to keep long tables light: whether the split
   * by sector is given, its total, and the hours of one ETP for the row's kind. Their formulas
   * come from splitFormulas and hoursPerEtpFormula below.
   */
  readonly shared?: { readonly splitGiven: string; readonly splitSum: string; readonly hoursPerEtp: string };
}

export interface RuleFormula {
  readonly rule: RuleDef;
  /** TRUE exactly when the validator reports the rule on the same values. */
  readonly fails: string;
  /** A text expression: the validator's French message, its values read from the cells. */
  readonly message: string;
}

const SECTORS = new Set(indicatorsOfGroup('heures_secteurs').map((d) => d.code));
if (indicatorsOfGroup('heures_secteurs').some((d) => d.type !== 'decimal')) throw new Error('Les heures par secteur sont des nombres décimaux ≥ 0 (voir operand).');
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

/** The cell holds a value its field check accepts (for the types the rules read). */
function valid(ctx: RuleFormulaContext, code: string): string {
  const r = ctx.ref(code);
  const def = defOf(code);
  switch (def.type) {
    case 'entier':
      return `AND(ISNUMBER(${r}),N(${r})>=0,INT(N(${r}))=N(${r}))`;
    case 'decimal':
      return `AND(ISNUMBER(${r}),N(${r})>=0)`;
    case 'type_siae':
      return or(SIAE_KINDS.map((k) => `${r}=${quote(k)}`));
    case 'departement':
      return or(departementsOfRegion(ctx.settings.regionCode).map((d) => `""&${r}=${quote(d.code)}`));
    case 'commune':
      return `LEN(""&${r})=5`;
    default:
      throw new Error(`Type « ${def.type} » non prévu dans une règle (${code}).`);
  }
}

/** A numeric operand: when it is given, and its value (effectiveNumber). */
interface Operand {
  readonly given: string;
  readonly value: string;
}

function operand(ctx: RuleFormulaContext, code: string): Operand {
  if (!SECTORS.has(code)) return { given: valid(ctx, code), value: ctx.ref(code) };
  // A member of the split: given as soon as any member is; blank or rejected counts 0.
  // MAX(0,N(x)) is x for a valid hours figure (decimal ≥ 0) and 0 for blank, text or negative.
  return { given: or(SECTOR_LIST.map((m) => valid(ctx, m))), value: `MAX(0,N(${ctx.ref(code)}))` };
}

function sumOperand(ctx: RuleFormulaContext, codes: readonly string[]): Operand {
  if (ctx.shared && codes.length === SECTORS.size && codes.every((c) => SECTORS.has(c))) return { given: ctx.shared.splitGiven, value: ctx.shared.splitSum };
  const ops = codes.map((c) => operand(ctx, c));
  return { given: and(ops.map((o) => o.given)), value: ops.length === 1 ? ops[0]!.value : `(${ops.map((o) => o.value).join('+')})` };
}

/** The split by sector: whether it is given (TRUE / FALSE) and its total, as formulas. */
export function splitFormulas(ctx: RuleFormulaContext): { given: string; sum: string } {
  const op = sumOperand({ ref: ctx.ref, settings: ctx.settings }, SECTOR_LIST);
  return { given: op.given, sum: op.value };
}

/** Hours of one ETP for the kind in the cell (settings), for a cell known to hold a valid kind. */
export function hoursPerEtpFormula(ctx: RuleFormulaContext): string {
  return hoursPerEtp({ ref: ctx.ref, settings: ctx.settings }, ctx.ref('type_siae'));
}

function hoursPerEtp(ctx: RuleFormulaContext, kindRef: string): string {
  if (ctx.shared) return ctx.shared.hoursPerEtp;
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
      const c = `""&${ref(rule.commune)}`;
      const d = `""&${ref(rule.departement)}`;
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
