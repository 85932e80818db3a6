import { formatNumberFr, formatPercentFr, fillTemplate } from './format-fr.js';
import type { IndicatorDef, Severity } from './indicator-types.js';
import { indicatorByCode, type IndicatorCode, type PartialReturn } from './indicators/index.js';
import { RULES, type RuleDef } from './rules.js';
import type { Settings } from './settings.js';
import { isSiaeKind } from './siae-kinds.js';
import { departementOfCommune } from './territory.js';
import { effectiveNumber, sumOf } from './values.js';

export interface RuleViolation {
  rule: string;
  severity: Severity;
  /** The indicator whose cell the violation points at. */
  field: IndicatorCode;
  /** Every indicator involved, for reports that link to several cells. */
  fields: readonly IndicatorCode[];
  message: string;
}

const num = formatNumberFr;
const label = (code: string): string => (indicatorByCode(code) as IndicatorDef | undefined)?.label ?? code;

function violation(rule: RuleDef, fields: readonly IndicatorCode[], vars: Record<string, string>): RuleViolation {
  return { rule: rule.code, severity: rule.severity, field: rule.field, fields, message: fillTemplate(rule.message, vars) };
}

function hoursPerEtpOf(ret: PartialReturn, settings: Settings): { kind: string; hours: number } | undefined {
  const kind = ret.type_siae;
  return isSiaeKind(kind) ? { kind, hours: settings.hoursPerEtp[kind] } : undefined;
}

/**
 * Evaluates one rule on one return. A rule whose operands are missing says nothing: missing
 * values are reported once, by the field checks, not again by every rule that uses them.
 */
export function evaluateRule(rule: RuleDef, ret: PartialReturn, settings: Settings): RuleViolation | null {
  switch (rule.kind) {
    case 'au_plus_total': {
      const parts = sumOf(ret, rule.parts);
      const total = effectiveNumber(ret, rule.total);
      if (parts === undefined || total === undefined || parts <= total) return null;
      return violation(rule, [...rule.parts, rule.total], {
        parts: rule.parts.map(label).join(' + '),
        partsValue: num(parts),
        total: label(rule.total),
        totalValue: num(total),
      });
    }
    case 'ventilation_egale_total': {
      const total = effectiveNumber(ret, rule.total);
      const parts = sumOf(ret, rule.parts); // undefined when the split is not given at all
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
    }
    case 'ventilation_renseignee': {
      const total = effectiveNumber(ret, rule.total);
      if (total === undefined || total <= 0 || sumOf(ret, rule.parts) !== undefined) return null;
      return violation(rule, [rule.total, ...rule.parts], { totalValue: num(total) });
    }
    case 'etp_coherent_heures': {
      const etp = effectiveNumber(ret, rule.etp);
      const hours = effectiveNumber(ret, rule.hours);
      const ref = hoursPerEtpOf(ret, settings);
      if (etp === undefined || hours === undefined || !ref) return null;
      const expected = hours / ref.hours;
      if (Math.abs(etp - expected) <= rule.relativeTolerance * Math.max(expected, etp) || Math.abs(etp - expected) < 0.01) return null;
      return violation(rule, [rule.etp, rule.hours, 'type_siae'], {
        etpValue: num(etp),
        hoursPerEtp: num(ref.hours),
        expected: num(Math.round(expected * 100) / 100),
        kind: ref.kind,
      });
    }
    case 'heures_par_personne_plausibles': {
      const hours = effectiveNumber(ret, rule.hours);
      const people = effectiveNumber(ret, rule.people);
      const ref = hoursPerEtpOf(ret, settings);
      if (hours === undefined || !people || !ref) return null;
      const perPerson = hours / people;
      if (perPerson <= rule.factor * ref.hours) return null;
      return violation(rule, [rule.hours, rule.people, 'type_siae'], {
        perPerson: num(Math.round(perPerson)),
        hoursPerEtp: num(ref.hours),
        kind: ref.kind,
      });
    }
    case 'ratio_maximal': {
      const n = effectiveNumber(ret, rule.numerator);
      const d = effectiveNumber(ret, rule.denominator);
      if (n === undefined || !d || n / d <= rule.max) return null;
      return violation(rule, [rule.numerator, rule.denominator], {
        ratio: formatPercentFr(n / d),
        numeratorValue: num(n),
        denominatorValue: num(d),
        max: formatPercentFr(rule.max),
      });
    }
    case 'positif_implique_positif': {
      const when = effectiveNumber(ret, rule.when);
      const then = effectiveNumber(ret, rule.then);
      if (when === undefined || then === undefined || when <= 0 || then > 0) return null;
      return violation(rule, [rule.when, rule.then], { whenValue: num(when) });
    }
    case 'commune_dans_departement': {
      const commune = ret[rule.commune];
      const dep = ret[rule.departement];
      if (typeof commune !== 'string' || typeof dep !== 'string' || departementOfCommune(commune) === dep) return null;
      return violation(rule, [rule.commune, rule.departement], { communeValue: commune, departementValue: dep });
    }
  }
}

export function evaluateRules(ret: PartialReturn, settings: Settings, rules: readonly RuleDef[] = RULES): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const rule of rules) {
    const v = evaluateRule(rule, ret, settings);
    if (v) out.push(v);
  }
  return out;
}
