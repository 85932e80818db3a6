import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DIFFUSION_DEFAULTS } from '../../../src/schema/index.js';
import { specMarkdown } from '../../../src/spec/index.js';

describe('spécification : règles de la version diffusable', () => {
  it('donne chaque paramètre, sa valeur, sa valeur par défaut et sa source', () => {
    const spec = specMarkdown(DEFAULT_SETTINGS);
    expect(spec).toContain('### Version diffusable (secret statistique)');
    for (const [key, d] of Object.entries(DIFFUSION_DEFAULTS)) {
      const line = spec.split('\n').find((l) => l.includes(`(\`${key}\`)`));
      expect(line, key).toBeDefined();
      expect(line).toContain(d.source.replace(/\|/g, '\\|'));
    }
  });

  it('montre les valeurs configurées à côté des valeurs par défaut', () => {
    const spec = specMarkdown({
      ...DEFAULT_SETTINGS,
      diffusion: { countThreshold: 11, minSiae: 3, hideRatesOfHiddenOperands: false, protectionInterval: 7, amountProtectionShare: 0.2 },
    });
    expect(spec).toMatch(/\(`countThreshold`\) \| 11 \| 5 \|/);
    expect(spec).toMatch(/\(`hideRatesOfHiddenOperands`\) \| non \| oui \|/);
    expect(spec).toMatch(/\(`amountProtectionShare`\) \| 20 % \| 10 % \|/);
  });
});
