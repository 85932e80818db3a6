import { formatNumberFr, formatPercentFr, fillTemplate } from './format-fr.js';
import type { IndicatorDef, Severity } from './indicator-types.js';
import { indicatorByCode, type IndicatorCode, type PartialReturn } from './indicators/index.js';
import { RULES, type RuleDef } from './rules.js';
import type { Settings } from './settings.js';
import { isSiaeKind } from './siae-kinds.js';
import { departementOfCommune } from './territory.js';
import { codesReadFor, effectiveNumberAt as effectiveNumberAtImport, numberOperand, sumAt as sumAtImport, valueAt as valueAtImport, type NumberOperand } from './values.js';

// Module-local aliases of what runs for every return: a plain constant beats a live import binding.
const effectiveNumberAt = effectiveNumberAtImport;
const sumAt = sumAtImport;
const valueAt = valueAtImport;

export interface RuleViolation {
  rule: string;
  severity: Severity;
  /** The indicator whose cell the violation points at. */
  field: IndicatorCode;
  /** Every indicator involved, for reports that link to several cells. */
  fields: readonly IndicatorCode[];
  message: string;
}

/**
 * The rules compiled for returns whose values are laid out in an array: values[i] is the value
 * of codes[i], undefined when missing (see compileRules).
 */
export type RulesEvaluator = (values: ArrayLike<unknown>, settings: Settings) => RuleViolation[];

type CompiledRule = (values: ArrayLike<unknown>, settings: Settings) => RuleViolation | null;

const num = formatNumberFr;
const label = (code: string): string => (indicatorByCode(code) as IndicatorDef | undefined)?.label ?? code;

function violation(rule: RuleDef, fields: readonly IndicatorCode[], vars: Record<string, string>): RuleViolation {
  return { rule: rule.code, severity: rule.severity, field: rule.field, fields, message: fillTemplate(rule.message, vars) };
}

function hoursPerEtpOf(kind: unknown, settings: Settings): { kind: string; hours: number } | undefined {
  return isSiaeKind(kind) ? { kind, hours: settings.hoursPerEtp[kind] } : undefined;
}

/** Every indicator a rule reads (with the split groups of its operands). */
function codesOf(rule: RuleDef): string[] {
  const direct: string[] = [];
  switch (rule.kind) {
    case 'au_plus_total':
    case 'ventilation_egale_total':
    case 'ventilation_renseignee':
      for (const p of rule.parts) direct.push(p);
      direct.push(rule.total);
      break;
    case 'etp_coherent_heures':
      direct.push(rule.etp, rule.hours, 'type_siae');
      break;
    case 'heures_par_personne_plausibles':
      direct.push(rule.hours, rule.people, 'type_siae');
      break;
    case 'ratio_maximal':
      direct.push(rule.numerator, rule.denominator);
      break;
    case 'positif_implique_positif':
      direct.push(rule.when, rule.then);
      break;
    case 'commune_dans_departement':
      direct.push(rule.commune, rule.departement);
      break;
  }
  return direct.flatMap(codesReadFor);
}

/**
 * One rule, its operands resolved to their positions once. A rule whose operands are missing
 * says nothing: missing values are reported once, by the field checks, not again by every rule
 * that uses them.
 */
function compileRule(rule: RuleDef, slotOf: (code: string) => number): CompiledRule {
  const op = (code: string): NumberOperand => numberOperand(code, slotOf);
  const kindSlot = slotOf('type_siae');
  switch (rule.kind) {
    case 'au_plus_total': {
      const partsOps = rule.parts.map(op);
      const totalOp = op(rule.total);
      return (values) => {
        const parts = sumAt(values, partsOps);
        const total = effectiveNumberAt(values, totalOp);
        if (parts === undefined || total === undefined || parts <= total) return null;
        return violation(rule, [...rule.parts, rule.total], {
          parts: rule.parts.map(label).join(' + '),
          partsValue: num(parts),
          total: label(rule.total),
          totalValue: num(total),
        });
      };
    }
    case 'ventilation_egale_total': {
      const partsOps = rule.parts.map(op);
      const totalOp = op(rule.total);
      return (values) => {
        const total = effectiveNumberAt(values, totalOp);
        const parts = sumAt(values, partsOps); // undefined when the split is not given at all
        if (parts === undefined || total === undefined) return null;
        const tolerance = Math.max(rule.tolerance.absolute, rule.tolerance.relative * total);
        const gap = Math.abs(parts - total);
        if (gap <= tolerance) return null;
        return violation(rule, [rule.total, ...rule.parts], {
          partsValue: num(parts),
          totalValue: num(total),
          gap: num(Math.round(gap * 100) / 100),
          tolerance: num(Math.round(tolerance * 100) / 100),
        });
      };
    }
    case 'ventilation_renseignee': {
      const partsOps = rule.parts.map(op);
      const totalOp = op(rule.total);
      return (values) => {
        const total = effectiveNumberAt(values, totalOp);
        if (total === undefined || total <= 0 || sumAt(values, partsOps) !== undefined) return null;
        return violation(rule, [rule.total, ...rule.parts], { totalValue: num(total) });
      };
    }
    case 'etp_coherent_heures': {
      const etpOp = op(rule.etp);
      const hoursOp = op(rule.hours);
      return (values, settings) => {
        const etp = effectiveNumberAt(values, etpOp);
        const hours = effectiveNumberAt(values, hoursOp);
        const ref = hoursPerEtpOf(valueAt(values, kindSlot), settings);
        if (etp === undefined || hours === undefined || !ref) return null;
        const expected = hours / ref.hours;
        if (Math.abs(etp - expected) <= rule.relativeTolerance * Math.max(expected, etp) || Math.abs(etp - expected) < 0.01) return null;
        return violation(rule, [rule.etp, rule.hours, 'type_siae'], {
          etpValue: num(etp),
          hoursPerEtp: num(ref.hours),
          expected: num(Math.round(expected * 100) / 100),
          kind: ref.kind,
        });
      };
    }
    case 'heures_par_personne_plausibles': {
      const hoursOp = op(rule.hours);
      const peopleOp = op(rule.people);
      return (values, settings) => {
        const hours = effectiveNumberAt(values, hoursOp);
        const people = effectiveNumberAt(values, peopleOp);
        const ref = hoursPerEtpOf(valueAt(values, kindSlot), settings);
        if (hours === undefined || !people || !ref) return null;
        const perPerson = hours / people;
        if (perPerson <= rule.factor * ref.hours) return null;
        return violation(rule, [rule.hours, rule.people, 'type_siae'], {
          perPerson: num(Math.round(perPerson)),
          hoursPerEtp: num(ref.hours),
          kind: ref.kind,
        });
      };
    }
    case 'ratio_maximal': {
      const nOp = op(rule.numerator);
      const dOp = op(rule.denominator);
      return (values) => {
        const n = effectiveNumberAt(values, nOp);
        const d = effectiveNumberAt(values, dOp);
        if (n === undefined || !d || n / d <= rule.max) return null;
        return violation(rule, [rule.numerator, rule.denominator], {
          ratio: formatPercentFr(n / d),
          numeratorValue: num(n),
          denominatorValue: num(d),
          max: formatPercentFr(rule.max),
        });
      };
    }
    case 'positif_implique_positif': {
      const whenOp = op(rule.when);
      const thenOp = op(rule.then);
      return (values) => {
        const when = effectiveNumberAt(values, whenOp);
        const then = effectiveNumberAt(values, thenOp);
        if (when === undefined || then === undefined || when <= 0 || then > 0) return null;
        return violation(rule, [rule.when, rule.then], { whenValue: num(when) });
      };
    }
    case 'commune_dans_departement': {
      const communeSlot = slotOf(rule.commune);
      const depSlot = slotOf(rule.departement);
      return (values) => {
        const commune = valueAt(values, communeSlot);
        const dep = valueAt(values, depSlot);
        if (typeof commune !== 'string' || typeof dep !== 'string' || departementOfCommune(commune) === dep) return null;
        return violation(rule, [rule.commune, rule.departement], { communeValue: commune, departementValue: dep });
      };
    }
  }
}

/**
 * The rules compiled once for returns laid out alike (the rows of one table): values[i] is the
 * value of codes[i], undefined when missing; an indicator outside codes counts as missing.
 * Same verdicts and messages as evaluateRules on the return { codes[i]: values[i] }.
 */
export function compileRules(codes: readonly string[], rules: readonly RuleDef[] = RULES): RulesEvaluator {
  const slots = new Map<string, number>();
  codes.forEach((c, i) => {
    if (!slots.has(c)) slots.set(c, i);
  });
  const slotOf = (code: string): number => slots.get(code) ?? -1;
  const compiled = rules.map((r) => compileRule(r, slotOf));
  return (values, settings) => {
    const out: RuleViolation[] = [];
    for (let i = 0; i < compiled.length; i++) {
      const v = compiled[i]!(values, settings);
      if (v) out.push(v);
    }
    return out;
  };
}

/** Rules with the indicators they read: the layout a plain return is copied into. */
interface ForReturns {
  readonly codes: readonly string[];
  readonly evaluate: RulesEvaluator;
}

function forReturns(rules: readonly RuleDef[]): ForReturns {
  const codes = [...new Set(rules.flatMap(codesOf))];
  return { codes, evaluate: compileRules(codes, rules) };
}

function layOut(ret: PartialReturn, codes: readonly string[]): unknown[] {
  const values = new Array<unknown>(codes.length);
  for (let i = 0; i < codes.length; i++) values[i] = ret[codes[i] as keyof PartialReturn];
  return values;
}

/** Evaluates one rule on one return (see compileRule). */
export function evaluateRule(rule: RuleDef, ret: PartialReturn, settings: Settings): RuleViolation | null {
  const r = forReturns([rule]);
  return r.evaluate(layOut(ret, r.codes), settings)[0] ?? null;
}

/** The schema's own rules, compiled once. */
let DEFAULT_RULES: ForReturns | undefined;

export function evaluateRules(ret: PartialReturn, settings: Settings, rules: readonly RuleDef[] = RULES): RuleViolation[] {
  const r = rules === RULES ? (DEFAULT_RULES ??= forReturns(RULES)) : forReturns(rules);
  return r.evaluate(layOut(ret, r.codes), settings);
}
