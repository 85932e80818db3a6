/**
 * What the pane's worker sends back to the page goes through structuredClone: getters and class
 * instances do not survive it. The run itself stays on the worker's side (its matched SIAE read
 * their gaps through a getter over a shared table); only the outcome crosses, and it must be
 * plain data. Real files: the network sample and an ASP extract written with DOMAIN.md's headers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/apps/taskpane/engine.js';
import type { PickedFile } from '../../src/apps/taskpane/ports.js';
import { aspExtractXlsx } from '../fixtures/asp-extract.js';
import { networkValidSample } from '../fixtures/samples.js';

describe('volet : le résultat d’une consolidation avec rapprochement ASP', () => {
  it('est fait de données simples, identiques après structuredClone (ce que le worker envoie à la page)', async () => {
    const engine = createEngine({ yields: false });
    const returns: PickedFile = { name: 'reseau-valide.xlsx', bytes: new Uint8Array(readFileSync(await networkValidSample())) };
    const asp = await aspExtractXlsx();
    const aspFile: PickedFile = { name: 'asp-2025.xlsx', bytes: asp.bytes };
    const { report, ignored } = await engine.gather([{ kind: 'file', file: returns }], () => {});
    const outcome = await engine.consolidate(report, { label: '' }, { ignored, files: [returns], campaign: { referentiel: aspFile, asp: aspFile } });
    expect(outcome.reconciliation?.summary).toContain('12 SIAE rapprochée(s)');
    expect(outcome.completeness?.length).toBeGreaterThan(0);
    const copy = structuredClone(outcome);
    expect(copy).toEqual(outcome);
    // No class instance anywhere in it: every object is a plain object or an array.
    const plain = (v: unknown): boolean =>
      v === null || typeof v !== 'object' ? typeof v !== 'function' : (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) && Object.values(v).every(plain);
    expect(plain(outcome)).toBe(true);
  }, 120_000);
});
