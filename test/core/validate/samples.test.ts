import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../src/core/records.js';
import { validateFiles } from '../../../src/hosts/xlsx/validate-files.js';
import {
  NETWORK_SAMPLE_ROWS,
  SAMPLE_SETTINGS,
  networkInvalidSample,
  networkValidSample,
  planSample,
  siaeInvalidSample,
  siaeValidSample,
  type ExpectedIssue,
} from '../../fixtures/samples.js';

/** The templates' filled samples (written by the template writer, read by our reader): each expected issue at its exact cell. */
const pick = (i: ValidationIssue) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, ...(i.row !== undefined ? { row: i.row } : {}), ...(i.indicator ? { indicator: i.indicator } : {}), ...(i.rule ? { rule: i.rule } : {}) });
const norm = (e: ExpectedIssue) => ({ ...e });

describe('filled samples of the templates', () => {
  it('valid SIAE form and valid network table: no error, every return read, recognised by their metadata', async () => {
    const report = await validateFiles([await siaeValidSample(), await networkValidSample()], { settings: SAMPLE_SETTINGS });
    const [siae, net] = report.files;
    expect(siae!.template).toMatchObject({ kind: 'siae', via: 'metadata' });
    expect(net!.template).toMatchObject({ kind: 'reseau', via: 'metadata' });
    expect(report.files.flatMap((f) => f.issues).filter((i) => i.severity === 'erreur')).toEqual([]);
    expect(siae!.records).toHaveLength(1);
    expect(net!.records).toHaveLength(NETWORK_SAMPLE_ROWS.length);
    expect(net!.sender?.annee).toBeDefined();
  });

  it('SIAE form with errors: exactly the expected errors, at their cells', async () => {
    const { path, expected } = await siaeInvalidSample();
    const f = (await validateFiles([path], { settings: SAMPLE_SETTINGS })).files[0]!;
    const got = f.issues.filter((i) => i.severity === 'erreur').map(pick);
    for (const e of expected) expect(got).toContainEqual(expect.objectContaining(norm(e)));
    expect(got).toHaveLength(expected.filter((e) => e.severity === 'erreur').length);
  });

  it('network table with errors: every expected issue at its exact cell, and no other error', async () => {
    const { path, expected } = await networkInvalidSample();
    const f = (await validateFiles([path], { settings: SAMPLE_SETTINGS })).files[0]!;
    const got = f.issues.map(pick);
    for (const e of expected) expect(got).toContainEqual(expect.objectContaining(norm(e)));
    expect(got.filter((i) => i.severity === 'erreur')).toHaveLength(expected.filter((e) => e.severity === 'erreur').length);
  });

  it('filled action plan: recognised, no error', async () => {
    const f = (await validateFiles([await planSample()], { settings: SAMPLE_SETTINGS })).files[0]!;
    expect(f.template.kind).toBe('plan');
    expect(f.issues.filter((i) => i.severity === 'erreur')).toEqual([]);
    expect(f.counts.rows).toBeGreaterThan(10);
  });
});
