/** Where a filled template goes back: settings from the command line or a file, the sentence they make. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTemplatesArgs, TEMPLATES_DIR } from '../../scripts/templates.js';
import { INSTRUCTIONS_SHEET, TEMPLATE_KINDS } from '../../src/core/template-layout.js';
import { buildTemplate, NEUTRAL_SEND_BACK, sendBackSentence } from '../../src/core/templates/index.js';
import { DEFAULT_SETTINGS } from '../../src/schema/index.js';

const dir = mkdtempSync(join(tmpdir(), 'iae-send-back-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const instructionsText = (kind: (typeof TEMPLATE_KINDS)[number], sendBack = {}) =>
  buildTemplate(kind, DEFAULT_SETTINGS, sendBack)
    .sheets.find((s) => s.name === INSTRUCTIONS_SHEET)!
    .cells.map((c) => String(c.value ?? ''))
    .join('\n');

describe('send-back settings', () => {
  it('the default templates carry the neutral sentence and no bracketed placeholder', () => {
    for (const kind of TEMPLATE_KINDS) {
      const text = instructionsText(kind);
      expect(text, kind).toContain(NEUTRAL_SEND_BACK);
      expect(text, kind).not.toMatch(/\[[^\]]*\]/);
    }
  });

  it('issuer, address and deadline go into every template', () => {
    const settings = { emetteur: 'DDETS de la Seine-Saint-Denis', adresse: 'iae93@exemple.fr', dateLimite: '2027-03-31' };
    const sentence = 'Renvoyez ce fichier à DDETS de la Seine-Saint-Denis (iae93@exemple.fr), au plus tard le 31/03/2027.';
    expect(sendBackSentence(settings)).toBe(sentence);
    for (const kind of TEMPLATE_KINDS) expect(instructionsText(kind, settings), kind).toContain(sentence);
    expect(sendBackSentence({ dateLimite: '2027-03-31' })).toBe("Renvoyez ce fichier à l'organisme qui vous l'a transmis, au plus tard le 31/03/2027.");
  });

  it('reads the command line, a settings file, and lets the command line win', () => {
    const file = join(dir, 'reglages.json');
    writeFileSync(file, JSON.stringify({ emetteur: 'Réseau 77', adresse: 'contact@reseau77.fr', dateLimite: '2027-04-15' }));
    const parsed = parseTemplatesArgs(['--reglages', file, '--date-limite=2027-03-31', '--sortie', 'sortie'], dir);
    expect(parsed.sendBack).toEqual({ emetteur: 'Réseau 77', adresse: 'contact@reseau77.fr', dateLimite: '2027-03-31' });
    expect(parsed.outDir).toBe(join(dir, 'sortie'));
    expect(parseTemplatesArgs([], dir)).toEqual({ sendBack: {}, outDir: TEMPLATES_DIR });
  });

  it('refuses bad settings with a French message naming each one', () => {
    const bad = join(dir, 'mauvais.json');
    writeFileSync(bad, '{ "emetteur": "", "courriel": "x" }');
    expect(() => parseTemplatesArgs(['--date-limite', '2027-02-30'], dir)).toThrow(/date limite « 2027-02-30 » invalide/);
    expect(() => parseTemplatesArgs(['--emeteur', 'x'], dir)).toThrow(/Option « --emeteur » inconnue/);
    expect(() => parseTemplatesArgs(['--adresse'], dir)).toThrow(/--adresse : valeur manquante/);
    expect(() => parseTemplatesArgs(['--reglages', bad], dir)).toThrow(/« emetteur » doit être un texte non vide[\s\S]*réglage « courriel » inconnu|réglage « courriel » inconnu[\s\S]*« emetteur » doit être un texte non vide/);
    expect(() => parseTemplatesArgs(['--reglages', join(dir, 'absent.json')], dir)).toThrow(/introuvable/);
  });
});
