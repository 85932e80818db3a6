import type { IndicatorDef, ValueType } from '../../schema/index.js';
import { departementByCode, departementsOfRegion, isValidSiret, type Settings } from '../../schema/index.js';
import { isCellError, type CellValue } from '../grid.js';
import { siaeKindOf } from './kinds.js';
import { parseNumberLike } from './number.js';
import { MISSING, ParsedWithNote, TypeProblem, showCellValue } from './problem.js';
import { cleanText, isSpaceCode, labelKey } from './text.js';

/**
 * One parser per indicator, chosen once per column: it turns a raw cell into the value the
 * indicator's zod schema expects (number, boolean, code string), or MISSING for a blank cell,
 * or a TypeProblem when the cell cannot be read as that type. Values of the right type but
 * outside the constraints are returned as they are, for the schema to reject.
 */
export type CellParser = (v: CellValue) => unknown;

function excelError(name: string, v: { error: string }): TypeProblem {
  return new TypeProblem(`${name} contient l'erreur Excel ${v.error} : corrigez la formule ou saisissez la valeur.`);
}

function textOf(v: string): string | typeof MISSING {
  const t = cleanText(v);
  return t.length === 0 ? MISSING : t;
}

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['oui', true],
  ['o', true],
  ['x', true],
  ['vrai', true],
  ['true', true],
  ['yes', true],
  ['1', true],
  ['non', false],
  ['n', false],
  ['faux', false],
  ['false', false],
  ['no', false],
  ['0', false],
]);

function numberParser(def: IndicatorDef, name: string): CellParser {
  const expected = def.type === 'entier' ? 'un nombre entier' : def.type === 'annee' ? 'une année (ex. 2025)' : 'un nombre';
  const what = def.unit === 'personnes' || def.unit === 'sorties' || def.unit === 'immersions' ? `un nombre de ${def.unit}` : expected;
  return (v) => {
    if (typeof v === 'number') return v;
    if (v === null) return MISSING;
    if (typeof v === 'string') {
      const parsed = parseNumberLike(v);
      if (parsed === null) {
        const t = textOf(v);
        if (t === MISSING) return MISSING;
        return new TypeProblem(`${name} doit être ${expected} : « ${showCellValue(t)} » n'en est pas un. Saisissez un nombre (ex. 12 ou 12,5), sans texte ni unité.`);
      }
      // No indicator of a return is a share: a percentage typed in a count is a mistake.
      if (parsed.percent) return new TypeProblem(`${name} attend ${what}, pas un pourcentage (« ${showCellValue(v)} ») : saisissez le nombre lui-même.`);
      return parsed.value;
    }
    if (typeof v === 'boolean') return new TypeProblem(`${name} doit être ${expected}, pas ${v ? 'VRAI' : 'FAUX'}.`);
    if (isCellError(v)) return excelError(name, v);
    return new TypeProblem(`${name} doit être ${expected}.`);
  };
}

function booleanParser(name: string): CellParser {
  return (v) => {
    if (typeof v === 'boolean') return v;
    if (v === null) return MISSING;
    if (typeof v === 'number') {
      if (v === 1) return true;
      if (v === 0) return false;
      return new TypeProblem(`${name} doit être « oui » ou « non » : « ${v} » n'est pas admis.`);
    }
    if (typeof v === 'string') {
      const t = textOf(v);
      if (t === MISSING) return MISSING;
      // Exact lower-case words first: labelKey (accents, punctuation) only for the odd spelling.
      const b = BOOLEAN_WORDS.get(t.toLowerCase()) ?? BOOLEAN_WORDS.get(labelKey(t));
      if (b !== undefined) return b;
      return new TypeProblem(`${name} doit être « oui » ou « non » : « ${showCellValue(t)} » n'est pas admis.`);
    }
    if (isCellError(v)) return excelError(name, v);
    return new TypeProblem(`${name} doit être « oui » ou « non ».`);
  };
}

function stringParser(name: string, expected: string, fromText: (t: string) => unknown, fromNumber?: (n: number) => unknown): CellParser {
  return (v) => {
    if (typeof v === 'string') {
      const t = textOf(v);
      return t === MISSING ? MISSING : fromText(t);
    }
    if (v === null) return MISSING;
    if (typeof v === 'number') {
      if (fromNumber) return fromNumber(v);
      return new TypeProblem(`${name} doit être ${expected}, pas le nombre ${v}.`);
    }
    if (typeof v === 'boolean') return new TypeProblem(`${name} doit être ${expected}, pas ${v ? 'VRAI' : 'FAUX'}.`);
    if (isCellError(v)) return excelError(name, v);
    return new TypeProblem(`${name} doit être ${expected}.`);
  };
}

function stripSpaces(t: string): string {
  let out = '';
  for (let i = 0; i < t.length; i++) if (!isSpaceCode(t.charCodeAt(i))) out += t[i];
  return out;
}

function siretParser(name: string): CellParser {
  const fromNumber = (n: number): unknown => {
    if (!Number.isInteger(n) || n < 0) return new TypeProblem(`${name} doit être un numéro de 14 chiffres, pas le nombre ${n}.`);
    const digits = String(n);
    if (digits.length === 14) return digits;
    if (digits.length === 13) {
      const padded = `0${digits}`;
      if (isValidSiret(padded))
        return new ParsedWithNote(
          padded,
          `${name} a été saisi comme un nombre de 13 chiffres : Excel a effacé le zéro initial. Il est lu ${padded} ; saisissez-le comme du texte pour conserver ses 14 chiffres.`,
        );
      return new TypeProblem(
        `${name} a été saisi comme un nombre de 13 chiffres (${digits}) : le zéro initial a sans doute été effacé par Excel, et même complété il n'est pas valide. Saisissez les 14 chiffres comme du texte.`,
      );
    }
    return digits; // wrong length: the schema says what is due
  };
  return stringParser(name, 'un numéro SIRET de 14 chiffres', stripSpaces, fromNumber);
}

function departementParser(name: string, settings: Settings): CellParser {
  const byName = new Map<string, string>();
  for (const d of departementsOfRegion(settings.regionCode)) byName.set(labelKey(d.nom), d.code);
  const LEADING_CODE = /^(\d{1,3}|2[AB])(?:$|[\s\-–—:(,.])/i;
  const normaliseCode = (code: string): string => {
    let c = code.toUpperCase();
    if (c.length === 3 && c.startsWith('0')) c = c.slice(1); // "093"
    if (c.length === 1) c = `0${c}`; // "1" for Ain
    return c;
  };
  return stringParser(
    name,
    'un code de département (ex. 93)',
    (t) => {
      const m = LEADING_CODE.exec(t);
      if (m) return normaliseCode(m[1]!);
      const named = byName.get(labelKey(t));
      return named ?? t; // unknown: the schema lists the admitted codes
    },
    (n) => {
      if (!Number.isInteger(n) || n < 0) return new TypeProblem(`${name} doit être un code de département (ex. 93), pas ${n}.`);
      return normaliseCode(String(n));
    },
  );
}

function communeParser(name: string): CellParser {
  return stringParser(
    name,
    'un code INSEE de commune',
    (t) => stripSpaces(t).toUpperCase(),
    (n) => {
      if (!Number.isInteger(n) || n < 0) return new TypeProblem(`${name} doit être un code INSEE de 5 caractères, pas ${n}.`);
      const s = String(n);
      if (s.length === 4 && departementByCode(`0${s.slice(0, 1)}`))
        return new ParsedWithNote(`0${s}`, `${name} a été saisi comme un nombre : le zéro initial a été restitué (0${s}). Saisissez-le comme du texte.`);
      return s;
    },
  );
}

function kindParser(name: string): CellParser {
  return stringParser(name, "un type de SIAE (EI, ACI, AI, ETTI, EITI)", (t) => siaeKindOf(t) ?? t);
}

export function makeCellParser(def: IndicatorDef, settings: Settings): CellParser {
  const name = `« ${def.label} »`;
  const type: ValueType = def.type;
  switch (type) {
    case 'entier':
    case 'decimal':
    case 'annee':
      return numberParser(def, name);
    case 'oui_non':
      return booleanParser(name);
    case 'siret':
      return siretParser(name);
    case 'departement':
      return departementParser(name, settings);
    case 'commune':
      return communeParser(name);
    case 'type_siae':
      return kindParser(name);
    case 'annexe_financiere':
      return stringParser(name, "un numéro d'annexe financière", (t) => stripSpaces(t).toUpperCase());
    case 'texte':
      return stringParser(name, 'un texte', (t) => t, (n) => String(n));
  }
}
