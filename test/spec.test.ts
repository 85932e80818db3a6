import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, SPEC_FILES, specContents } from '../scripts/spec.js';
import { DEFAULT_PUBLICATION, DEFAULT_SETTINGS, DERIVED, INDICATORS, RULES, SCHEMA_VERSION, formatPercentFr, type IndicatorDef } from '../src/schema/index.js';
import { EXAMPLE_DEPARTEMENT, escapeHtml, specHtml } from '../src/spec/index.js';

describe('the spec for networks', () => {
  const generated = specContents();

  it('is committed and up to date (run `npm run spec` after changing the schema)', () => {
    for (const key of Object.keys(SPEC_FILES) as (keyof typeof SPEC_FILES)[]) {
      const committed = readFileSync(join(SPEC_DIR, SPEC_FILES[key]), 'utf8');
      expect(committed, `docs/spec/${SPEC_FILES[key]} est périmé : lancez npm run spec`).toBe(generated[key]);
    }
  });

  it('lists every indicator, derived indicator and rule, with the schema version', () => {
    const md = generated.markdown;
    expect(md).toContain(`Version du schéma : **${SCHEMA_VERSION}**`);
    for (const i of INDICATORS) expect(md).toContain(`| \`${i.code}\` | ${i.label.replace(/\|/g, '\\|')} |`);
    for (const d of DERIVED) expect(md).toContain(`| \`${d.code}\` |`);
    for (const r of RULES) expect(md).toContain(`| \`${r.code}\` | ${r.severity} |`);
    expect(md).toContain('`sorties_emploi_durable` + `sorties_emploi_transition` + `sorties_positives`');
    expect(md).toContain('| ACI | Atelier et chantier d\'insertion | 1820 | 1820 |');
  });

  it('publishes a JSON Schema of a return carrying the version', () => {
    const js = JSON.parse(generated.jsonSchema) as Record<string, unknown>;
    expect(js.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(js.version).toBe(SCHEMA_VERSION);
    expect(js.$id).toBe(`urn:indicateurs-iae:retour-siae:${SCHEMA_VERSION}`);
    const props = js.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(INDICATORS.map((i) => i.code));
    expect(props.departement?.enum).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
    expect(props.femmes).toMatchObject({ type: 'integer', minimum: 0, title: 'dont femmes', 'x-objectifs': ['212'] });
    expect(js.required).toContain('personnes');
    expect(js.required).not.toContain('pmsmp');
    expect(js.additionalProperties).toBe(false);
    expect((js['x-regles'] as unknown[]).length).toBe(RULES.length);
  });
});

describe('the spec as a document (printable HTML)', () => {
  const { html, markdown } = specContents();
  const body = html.slice(html.indexOf('<body>'));

  it('has every section a network needs, in order, each in the table of contents', () => {
    const sections = [
      'collecte',
      'principes',
      'parametres',
      'indicateurs-collectes',
      'indicateurs-derives',
      'regles-de-coherence',
      'campagne-siae-attendues-et-completude',
      'definitions-de-reference',
      'rapprochement-avec-l-extraction-asp',
      'exemples',
      'objectifs-de-la-strategie-regionale',
      'protection-des-donnees',
      'glossaire',
      'versions',
    ];
    const ids = [...body.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['sommaire', ...sections]);
    for (const id of sections) expect(body).toContain(`<a href="#${id}">`);
    for (const h3 of ['Politique de version', 'Historique des changements', 'Classes de sorties', 'Sorties examinées', 'Quartiers prioritaires', 'Critères d’éligibilité', 'Exemple 1 : un retour rempli', 'Exemple 2', 'Correspondance des sorties', 'Tolérances du rapprochement'])
      expect(body).toMatch(new RegExp(`<h3 id="[^"]+">${escapeHtml(h3)}`));
  });

  it('says who issues it, its status, date and version, the period and deadline, with no placeholder left', () => {
    expect(body).toContain(`Émetteur : ${escapeHtml(DEFAULT_PUBLICATION.issuer)}`);
    expect(body).toContain(`Statut : ${escapeHtml(DEFAULT_PUBLICATION.status)}`);
    expect(body).toMatch(new RegExp(`Version du schéma : <strong>${SCHEMA_VERSION.replace(/\./g, '\\.')}</strong>, du \\d{1,2} [a-zéû]+ \\d{4}`));
    expect(body).toContain(escapeHtml(DEFAULT_PUBLICATION.period));
    expect(body).toContain(escapeHtml(DEFAULT_PUBLICATION.deadline));
    expect(body).not.toMatch(/\[[^\]]*préciser[^\]]*\]/);
    expect(html).toContain(`<title>Indicateurs IAE : spécification des indicateurs (version ${SCHEMA_VERSION})</title>`);
  });

  it('gives each indicator its usual source, from the schema', () => {
    for (const i of INDICATORS as readonly IndicatorDef[]) {
      expect(i.source.length, i.code).toBeGreaterThan(10);
      expect(body).toContain(`<code>${i.code}</code> — <strong>${escapeHtml(i.label)}</strong> : ${escapeHtml(i.definition)} Source habituelle : ${escapeHtml(i.source)}`);
    }
    expect(body).toContain('DSN');
    expect(body).toContain('extranet IAE de l&#39;ASP');
  });

  it('speaks to networks: the developer note is only a comment, in both forms', () => {
    expect(markdown.startsWith('<!-- Généré par `npm run spec`')).toBe(true);
    expect(markdown.slice(markdown.indexOf('-->'))).not.toContain('npm run spec');
    expect(body).not.toContain('npm run');
    expect(html.slice(0, html.indexOf('<body>'))).toContain('<!-- Généré par `npm run spec`');
  });

  it('computes the département example with the real code: the sum of numerators over the sum of denominators', () => {
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    let num = 0;
    let den = 0;
    for (const r of EXAMPLE_DEPARTEMENT) {
      num += n(r.sorties_emploi_durable) + n(r.sorties_emploi_transition) + n(r.sorties_positives);
      den += n(r.sorties_emploi_durable) + n(r.sorties_emploi_transition) + n(r.sorties_positives) + n(r.autres_sorties);
    }
    expect(body).toContain(`Taux du département : ${num} / ${den} = <strong>${escapeHtml(formatPercentFr(num / den))}</strong>`);
  });

  it('escapes every text: settings and schema text never become markup', () => {
    const hostile = specHtml(DEFAULT_SETTINGS, { ...DEFAULT_PUBLICATION, issuer: '<script>alert(1)</script> & <b>Cie</b>', deadline: '"><img src=x onerror=alert(1)>' });
    expect(hostile).toContain('Émetteur : &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Cie&lt;/b&gt;');
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toMatch(/<b>/);
    // Only the tags the renderer writes.
    const tags = new Set([...hostile.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'body', 'code', 'div', 'h1', 'h2', 'h3', 'head', 'html', 'li', 'meta', 'nav', 'ol', 'p', 'strong', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul']);
  });
});
