import { describe, expect, it } from 'vitest';
import { indicatorByCode, isValidSiret, DEFAULT_SETTINGS, type IndicatorDef } from '../../../src/schema/index.js';
import { MISSING, ParsedWithNote, TypeProblem, makeCellParser, parseDateText, parseNumberLike, parseNumberText, serialToIsoDate, siaeKindOf, labelKey } from '../../../src/core/parse/index.js';

const parser = (code: string) => makeCellParser(indicatorByCode(code) as IndicatorDef, DEFAULT_SETTINGS);

describe('numbers typed as text', () => {
  it.each([
    ['1234', 1234],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567', 1234567],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12,5', 12.5],
    ['-3', -3],
    [' 42 ', 42],
  ])('%s → %d', (text, n) => expect(parseNumberText(text)).toBe(n));
  it.each(['abc', '12abc', '1.23.4', '', '1,2,3,4', '--1'])('%s is not a number', (t) => expect(parseNumberText(t)).toBeNaN());
  it('percentages are shares', () => expect(parseNumberLike('42 %')).toEqual({ value: 0.42, percent: true }));
});

describe('cell parsers', () => {
  it('blank is missing, never 0', () => {
    expect(parser('personnes')(null)).toBe(MISSING);
    expect(parser('personnes')(' \n ')).toBe(MISSING);
  });
  it('counts refuse percentages, booleans and Excel errors', () => {
    expect(parser('personnes')('42 %')).toBeInstanceOf(TypeProblem);
    expect(parser('personnes')(true)).toBeInstanceOf(TypeProblem);
    const e = parser('personnes')({ error: '#DIV/0!' }) as TypeProblem;
    expect(e.message).toContain('#DIV/0!');
  });
  it('text in a number cell says what to type, with an example of the right kind', () => {
    expect((parser('personnes')('douze') as TypeProblem).message).toBe(
      "« Personnes en insertion » doit être un nombre entier : « douze » n'en est pas un. Saisissez un nombre (ex. 12), sans texte ni unité.",
    );
    expect((parser('heures_remunerees')('beaucoup') as TypeProblem).message).toContain('(ex. 12 ou 12,5)');
    expect((parser('annee')('cette année') as TypeProblem).message).toContain('(ex. 2025)');
  });
  it.each([
    ['oui', true],
    ['X', true],
    ['Vrai', true],
    [1, true],
    ['non', false],
    ['FAUX', false],
    [0, false],
    [false, false],
  ])('oui_non %s → %s', (v, b) => expect(parser('implantation_qpv')(v)).toBe(b));
  it.each([
    ['93', '93'],
    ['093', '93'],
    ['93 - Seine-Saint-Denis', '93'],
    [93, '93'],
    ['Seine-Saint-Denis', '93'],
    ['2a', '2A'],
  ])('département %s → %s', (v, d) => expect(parser('departement')(v)).toBe(d));
  it('SIRET with spaces, as a number, and with its leading zero lost', () => {
    expect(parser('siret')('442 123 450 00011')).toBe('44212345000011');
    expect(parser('siret')(44212345000011)).toBe('44212345000011');
    // 0 + 13 digits, Luhn-valid: read with a warning.
    const padded = Array.from({ length: 10 }, (_, d) => `012345678000${d}0`).find(isValidSiret)!;
    const lost = parser('siret')(Number(padded)) as ParsedWithNote;
    expect(lost).toBeInstanceOf(ParsedWithNote);
    expect(lost.value).toBe(padded);
    expect(lost.message).toContain('zéro initial');
    const bad = Array.from({ length: 10 }, (_, d) => `012345678000${d}0`).find((s) => !isValidSiret(s))!;
    expect(parser('siret')(Number(bad))).toBeInstanceOf(TypeProblem);
  });
  it('SIAE kinds by code or label, any case, with or without accents', () => {
    expect(siaeKindOf('aci')).toBe('ACI');
    expect(siaeKindOf("Atelier chantier d'insertion")).toBe('ACI');
    expect(siaeKindOf('ENTREPRISE D’INSERTION')).toBe('EI');
    expect(siaeKindOf('ETTI - Entreprise de travail temporaire d’insertion')).toBe('ETTI');
    expect(siaeKindOf('SCOP')).toBeUndefined();
  });
  it('dates as serials or French text', () => {
    expect(serialToIsoDate(46096)).toBe('2026-03-15');
    expect(parseDateText('15/03/2026')).toBe('2026-03-15');
    expect(parseDateText('2026-03-15')).toBe('2026-03-15');
    expect(parseDateText('31/02/2026')).toBeNull();
  });
  it('label keys ignore case, accents, spaces, line breaks and punctuation', () => {
    expect(labelKey('Personnes en\ninsertion ')).toBe(labelKey('PERSONNES_EN_INSERTION'));
    expect(labelKey('dont résidents QPV')).toBe('dont residents qpv');
  });
});
