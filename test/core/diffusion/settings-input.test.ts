import { describe, expect, it } from 'vitest';
import { settingsFromJson } from '../../../src/core/diffusion/index.js';
import { DEFAULT_DIFFUSION_SETTINGS, DEFAULT_SETTINGS } from '../../../src/schema/index.js';

describe('réglages de la version diffusable lus en JSON (--reglages)', () => {
  it('garde les défauts pour les clés absentes et prend celles données', () => {
    const r = settingsFromJson({ diffusion: { countThreshold: 11, minSiaeScope: 'montants', dominanceShare: 1 } }, 'r.json');
    expect(r).toEqual({ settings: { ...DEFAULT_SETTINGS, diffusion: { ...DEFAULT_DIFFUSION_SETTINGS, countThreshold: 11, minSiaeScope: 'montants', dominanceShare: 1 } } });
    expect(settingsFromJson({}, 'r.json')).toEqual({ settings: { ...DEFAULT_SETTINGS, diffusion: DEFAULT_DIFFUSION_SETTINGS } });
  });

  it('refuse chaque clé inconnue et chaque valeur hors de son domaine, en nommant le fichier et la clé', () => {
    const r = settingsFromJson({ region: '11', diffusion: { countThreshold: 2.5, minSiaeScope: 'certains', amountProtectionShare: 3, hideRatesOfHiddenOperands: 'oui', seuil: 5 } }, 'r.json');
    expect('errors' in r).toBe(true);
    const errors = 'errors' in r ? r.errors : [];
    expect(errors).toHaveLength(6);
    for (const e of errors) expect(e).toContain('« r.json »');
    for (const key of ['region', 'diffusion.countThreshold', 'diffusion.minSiaeScope', 'diffusion.amountProtectionShare', 'diffusion.hideRatesOfHiddenOperands', 'diffusion.seuil']) {
      expect(errors.some((e) => e.includes(`« ${key} »`)), key).toBe(true);
    }
    expect(settingsFromJson([1], 'r.json')).toHaveProperty('errors');
    expect(settingsFromJson({ diffusion: 3 }, 'r.json')).toHaveProperty('errors');
  });
});
