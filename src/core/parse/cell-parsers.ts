import type { IndicatorDef, ValueType } from '../../schema/index.js';
import { departementByCode, departementsOfRegion, isValidSiret as isValidSiretImport, type Settings } from '../../schema/index.js';
import { isCellError as isCellErrorImport, type CellValue } from '../grid.js';
import { siaeKindOf } from './kinds.js';
import { parseNumberLike as parseNumberLikeImport } from './number.js';
import { MISSING, ParsedWithNote, TypeProblem, showCellValue } from './problem.js';
import { cleanText as cleanTextImport, isSpaceCode as isSpaceCodeImport, labelKey } from './text.js';
import { GivenAsUnknown, isUnknownMarker as isUnknownMarkerImport } from './unknown.js';

// Module-local aliases of what runs on every cell: a plain constant beats a live import binding.
const cleanText = cleanTextImport;
const isSpaceCode = isSpaceCodeImport;
const parseNumberLike = parseNumberLikeImport;
const isCellError = isCellErrorImport;
const isValidSiret = isValidSiretImport;
const isUnknownMarker = isUnknownMarkerImport;

/**
 * One parser per indicator, chosen once per column: it turns a raw cell into the value the
 * indicator's zod schema expects (number, boolean, code string), or MISSING for a blank cell,
 * or GivenAsUnknown for a marker of an unknown value (« NC », « - »…, see unknown.ts),
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
  const example = def.type === 'entier' ? 'ex. 12' : def.type === 'annee' ? 'ex. 2025' : 'ex. 12 ou 12,5';
  const what = def.unit === 'personnes' || def.unit === 'sorties' || def.unit === 'immersions' ? `un nombre de ${def.unit}` : expected;
  return (v) => {
    if (typeof v === 'number') return v;
    if (v === null) return MISSING;
    if (typeof v === 'string') {
      const parsed = parseNumberLike(v);
      if (parsed === null) {
        const t = textOf(v);
        if (t === MISSING) return MISSING;
        if (isUnknownMarker(t)) return new GivenAsUnknown(t);
        return new TypeProblem(`${name} doit être ${expected} : « ${showCellValue(t)} » n'en est pas un. Saisissez un nombre (${example}), sans texte ni unité.`);
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
      if (isUnknownMarker(t)) return new GivenAsUnknown(t);
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
      if (t === MISSING) return MISSING;
      return isUnknownMarker(t) ? new GivenAsUnknown(t) : fromText(t);
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
  // Most codes are typed without spaces: no copy, character by character, of those.
  let i = 0;
  while (i < t.length && !isSpaceCode(t.charCodeAt(i))) i++;
  if (i === t.length) return t;
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

/** Remembers a pure function's answers for the few distinct texts a column holds (bounded). */
function memoized(f: (t: string) => unknown, limit = 1000): (t: string) => unknown {
  const known = new Map<string, unknown>();
  return (t) => {
    if (known.has(t)) return known.get(t);
    const v = f(t);
    if (known.size >= limit) known.clear();
    known.set(t, v);
    return v;
  };
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
    // A column of départements repeats a handful of spellings: read each once.
    memoized((t) => {
      const m = LEADING_CODE.exec(t);
      if (m) return normaliseCode(m[1]!);
      const named = byName.get(labelKey(t));
      return named ?? t; // unknown: the schema lists the admitted codes
    }),
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
  // A column of SIAE kinds repeats a handful of spellings: normalise each once.
  return stringParser(name, "un type de SIAE (EI, ACI, AI, ETTI, EITI)", memoized((t) => siaeKindOf(t) ?? t));
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
