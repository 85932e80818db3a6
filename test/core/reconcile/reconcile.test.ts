import { beforeAll, describe, expect, it } from 'vitest';
import { readAspExtract, type AspExtract } from '../../../src/core/asp/index.js';
import { flagGap, flaggedGapLines, reconcileWithAsp, type FigureGap, type MatchedSiae, type Reconciliation } from '../../../src/core/reconcile/index.js';
import { GAP_FLAGGED, SHEET_RAPPROCHEMENT } from '../../../src/core/consolidated-workbook/index.js';
import { parseRange } from '../../../src/core/a1.js';
import { DEFAULT_COLUMN_WIDTH, widthForWords } from '../../../src/core/text-layout.js';
import { buildRunWorkbook, runConsolidation } from '../../../src/core/run/index.js';
import { ValidationRun } from '../../../src/core/validate/run.js';
import { readXlsx } from '../../../src/hosts/xlsx/read/index.js';
import { DEFAULT_RECONCILIATION_SETTINGS, DEFAULT_SETTINGS } from '../../../src/schema/index.js';
import { siretFor } from '../validate/xlsx-builders.js';
import { ASP_LINES, aspXlsx, returnsXlsx, type Variant } from './campaign.js';

async function reconcile(variant: Variant): Promise<{ r: Reconciliation; run: ReturnType<typeof runConsolidation>; extract: AspExtract }> {
  const v = new ValidationRun(DEFAULT_SETTINGS);
  v.addWorkbook(readXlsx(await returnsXlsx(), 'reseau.xlsx'));
  const extract = readAspExtract(readXlsx(await aspXlsx(variant), 'asp-2025.xlsx'))!;
  const run = runConsolidation({ report: v.finish(), asp: extract });
  return { r: run.reconciliation!, run, extract };
}

const gapOf = (m: Pick<MatchedSiae, 'gaps'> | undefined, code: string): FigureGap | undefined => m?.gaps.find((g) => g.code === code);

let exact: Awaited<ReturnType<typeof reconcile>>;
beforeAll(async () => {
  exact = await reconcile('exact');
});

describe('Rapprochement ASP on a campaign built by hand', () => {
  it('keeps every return (the extract is never a return) and adds no figure of the extract', () => {
    expect(exact.run.anomalies.filter((a) => a.severity === 'erreur')).toEqual([]);
    expect(exact.run.result.kept).toHaveLength(4);
    // The region's people are the returns' own: 40 + 100 + 63 + 35.
    const region = exact.run.result.byPeriod.get(2025)!.region;
    expect(region.sums.personnes!.value).toBe(238);
  });

  it('pairs by SIRET, else by annexe, and lists each side alone', () => {
    const { r } = exact;
    expect(r.years).toEqual([2025]);
    expect(r.yearsAspOnly).toEqual([2024]);
    expect(r.matched.map((m) => [m.siret, m.matchedBy])).toEqual([
      [siretFor(2), 'annexe'],
      [siretFor(1), 'siret'],
      [siretFor(3), 'siret'],
    ]);
    expect(r.returnsOnly.map((e) => [e.siret, e.kind, e.departement, e.source.file])).toEqual([[siretFor(4), 'EI', '93', 'reseau.xlsx']]);
    expect(r.aspOnly.map((e) => [e.siret, e.annexe, e.departement, e.source.row])).toEqual([[siretFor(5), 'EI077250005', '77', 7]]);
  });

  it('gives the exact differences, relative differences and flags, computed by hand', () => {
    const [m2, m1, m3] = exact.r.matched;
    // R1 (ACI): 40 against 38: 2, exactly the absolute tolerance: not flagged.
    expect(gapOf(m1, 'personnes')).toMatchObject({ ours: 40, asp: 38, difference: 2, flagged: false });
    expect(gapOf(m1, 'personnes')!.relative).toBeCloseTo(2 / 38, 12);
    // 12 against 15: −3, beyond 2 and beyond 5 % of 15.
    expect(gapOf(m1, 'femmes')).toMatchObject({ ours: 12, asp: 15, difference: -3, relative: -0.2, flagged: true });
    expect(gapOf(m1, 'residents_qpv')).toMatchObject({ difference: 1, flagged: false });
    // Exits examined are compared for AI, ETTI and EITI only: the ACI's 999 is left alone.
    expect(gapOf(m1, 'sorties_examinees')).toBeUndefined();
    expect(gapOf(m1, 'sorties_emploi_durable')).toMatchObject({ ours: 3, asp: 3, difference: 0, flagged: false });
    // R2 (ACI, by annexe): 100 against 103: −3, beyond 2 but within 5 % of 103.
    expect(gapOf(m2, 'personnes')).toMatchObject({ ours: 100, asp: 103, difference: -3, flagged: false });
    // 5 against an ASP 0: no relative difference, the absolute tolerance alone flags it.
    expect(gapOf(m2, 'moins_26_ans')).toMatchObject({ ours: 5, asp: 0, difference: 5, relative: undefined, flagged: true });
    // The return does not give the ASS: side by side, nothing compared.
    expect(gapOf(m2, 'ass')).toMatchObject({ ours: undefined, asp: 1, difference: undefined, flagged: false });
    // R3 (AI): 63 against 60: 3 = 5 % of 60 exactly: not flagged.
    expect(gapOf(m3, 'personnes')).toMatchObject({ ours: 63, asp: 60, difference: 3, relative: 0.05, flagged: false });
    expect(gapOf(m3, 'rsa')).toMatchObject({ ours: 16, asp: 10, difference: 6, flagged: true });
    // Exits examined = durable 3 + transition 4 + positives 2 + others 5 (the withdrawn one left out) = 14.
    expect(gapOf(m3, 'sorties_examinees')).toMatchObject({ ours: 14, asp: 11, difference: 3, flagged: true });
    expect(exact.r.flaggedCount).toBe(4);
    // Never compared: the men, the three levels of qualification.
    const codes = new Set(exact.r.matched.flatMap((m) => m.gaps.map((g) => g.figure)));
    for (const f of ['hommes', 'niveau_cap_bep', 'qualifications_non_certifiantes', 'niveau_infra_cap']) expect(codes.has(f as never)).toBe(false);
  });

  it('totals the region and each département over the paired SIAE', () => {
    const t = (dep: string | null) => exact.r.totals.find((s) => s.annee === 2025 && s.departement === dep)!;
    expect(exact.r.totals.map((s) => s.departement)).toEqual([null, '75', '93']);
    expect(t(null).matched).toBe(3);
    // Region: 40 + 100 + 63 = 203 against 38 + 103 + 60 = 201.
    expect(gapOf(t(null), 'personnes')).toMatchObject({ ours: 203, asp: 201, difference: 2, flagged: false });
    // 93: 103 against 98: 5, beyond 2 and beyond 4.9 (5 % of 98).
    expect(gapOf(t('93'), 'personnes')).toMatchObject({ ours: 103, asp: 98, difference: 5, flagged: true });
    // Region women: 36 against 39.
    expect(gapOf(t(null), 'femmes')).toMatchObject({ ours: 36, asp: 39, difference: -3, flagged: true });
    // The ASS only where both sides give it: R1 and R3 (2 + 2), not R2.
    expect(gapOf(t(null), 'ass')).toMatchObject({ ours: 4, asp: 4 });
    // Exits examined: the AI alone.
    expect(gapOf(t(null), 'sorties_examinees')).toMatchObject({ ours: 14, asp: 11 });
    expect(gapOf(t('75'), 'sorties_examinees')).toBeUndefined();
    expect(gapOf(t('75'), 'ass')).toBeUndefined();
  });

  it('gives the same reconciliation with trailing spaces removed and with columns reordered', async () => {
    const strip = (r: Reconciliation) => JSON.stringify({ ...r, file: '' });
    for (const variant of ['sans-espaces', 'reordonne'] as const) {
      const other = await reconcile(variant);
      expect(other.run.anomalies).toEqual(exact.run.anomalies);
      expect(strip(other.r).replace(/"row":\d+/g, '')).toBe(strip(exact.r).replace(/"row":\d+/g, ''));
    }
  });

  it('flags at the tolerance boundary and not before', () => {
    const t = DEFAULT_RECONCILIATION_SETTINGS;
    expect(flagGap(2, 10, t)).toBe(false);
    expect(flagGap(3, 10, t)).toBe(true);
    expect(flagGap(-3, 60, t)).toBe(false);
    expect(flagGap(-4, 60, t)).toBe(true);
    expect(flagGap(3, 0, t)).toBe(true);
    expect(flagGap(2, 0, t)).toBe(false);
    // The settings move the boundary.
    expect(flagGap(3, 10, { absoluteTolerance: 3, relativeTolerance: 0 })).toBe(false);
    expect(flagGap(4, 100, { absoluteTolerance: 0, relativeTolerance: 0.05 })).toBe(false);
    const loose = reconcileWithAsp(exact.run.result.kept, exact.extract, { absoluteTolerance: 10, relativeTolerance: 0.05 });
    expect(loose.flaggedCount).toBe(0);
  });

  it('lists the flagged gaps for a short view, the biggest first, then says how many more', () => {
    const all = flaggedGapLines(exact.r);
    expect(all.more).toBe(0);
    expect(all.lines).toHaveLength(4);
    expect(all.lines[0]).toMatch(/^2025 · .+ \(93, AI\) : dont bénéficiaires du RSA 16 dans le retour, 10 dans l'extraction \(écart \+6 ; \+60 %\)$/);
    expect(all.lines[1]).toMatch(/ : .+ 5 dans le retour, 0 dans l'extraction \(écart \+5\)$/);
    expect(all.lines.some((l) => / 12 dans le retour, 15 dans l'extraction \(écart -3 ; -20 %\)$/.test(l))).toBe(true);
    const two = flaggedGapLines(exact.r, 2);
    expect(two).toEqual({ lines: all.lines.slice(0, 2), more: 2 });
  });

  it('writes the sheet after the campaign slots with its three tables, each flag in red on pink', () => {
    const sheet = buildRunWorkbook(exact.run).sheets.find((x) => x.name === SHEET_RAPPROCHEMENT)!;
    // The campaign's sheets in their order: the collection (the extract stands for the référentiel), then this one.
    const names = buildRunWorkbook(exact.run).sheets.map((x) => x.name);
    expect(names.slice(names.indexOf('Progression des objectifs'), names.indexOf(SHEET_RAPPROCHEMENT) + 1)).toEqual(['Progression des objectifs', 'Suivi de la collecte', SHEET_RAPPROCHEMENT]);
    expect(sheet.tables!.map((t) => [t.name, t.rowCount])).toEqual([
      // Region and 93: the 16 compared figures; 75 (one ACI without ASS): neither exits examined nor ASS.
      ['IAE_ASP_Totaux', 16 + 14 + 16],
      ['IAE_ASP_SIAE', exact.r.matched.reduce((n, m) => n + m.gaps.length, 0)],
      ['IAE_ASP_Un_seul_cote', 2],
    ]);
    const flags = sheet.cells.filter((c) => c.value === GAP_FLAGGED);
    // The 4 gaps of the SIAE, and those of the totals.
    expect(flags.length).toBe(4 + exact.r.totals.reduce((n, t) => n + t.gaps.filter((g) => g.flagged).length, 0));
    for (const c of flags) expect(c.style).toMatchObject({ fill: 'FFC7CE', color: '9C0006', bold: true });
    // Text from the files stays text: the names are plain values.
    expect(sheet.cells.some((c) => c.value === 'Chantier un' && c.formula === undefined)).toBe(true);
  });

  it('sizes every column of its tables to the words of its header', () => {
    const sheet = buildRunWorkbook(exact.run).sheets.find((x) => x.name === SHEET_RAPPROCHEMENT)!;
    const cut: string[] = [];
    for (const t of sheet.tables ?? []) {
      const { left } = parseRange(t.topLeft);
      t.columns.forEach((h, i) => {
        if (widthForWords(h, 11, true) > (sheet.columns?.[left + i - 1]?.width ?? DEFAULT_COLUMN_WIDTH)) cut.push(h);
      });
    }
    expect(cut).toEqual([]);
  });

  it("lists the extract's bad cells with the other anomalies, naming file, sheet and cell, and compares what it could read", async () => {
    const v = new ValidationRun(DEFAULT_SETTINGS);
    v.addWorkbook(readXlsx(await returnsXlsx(), 'reseau.xlsx'));
    const lines = ASP_LINES.map((l, i) => (i === 0 ? { ...l, personnes: 'beaucoup' } : l));
    const extract = readAspExtract(readXlsx(await aspXlsx('exact', lines), 'asp-2025.xlsx'))!;
    const run = runConsolidation({ report: v.finish(), asp: extract });
    const bad = run.anomalies.filter((a) => a.file === 'asp-2025.xlsx');
    expect(bad).toEqual([expect.objectContaining({ code: 'type-error', severity: 'erreur', sheet: 'BenefSorties', cell: 'H4', indicator: 'personnes' })]);
    expect(bad[0]!.message).toContain('« beaucoup »');
    expect(buildRunWorkbook(run).sheets.find((x) => x.name === 'Anomalies')!.cells.some((c) => c.value === bad[0]!.message)).toBe(true);
    // That SIAE is still paired; its people, unread, are not compared, its women are.
    const m1 = run.reconciliation!.matched.find((m) => m.siret === siretFor(1))!;
    expect(gapOf(m1, 'personnes')).toMatchObject({ ours: 40, asp: undefined, flagged: false });
    expect(gapOf(m1, 'femmes')).toMatchObject({ difference: -3, flagged: true });
    // The returns' figures are the same as without the extract.
    expect(run.result.byPeriod.get(2025)!.region.sums).toEqual(exact.run.result.byPeriod.get(2025)!.region.sums);
  });

  it('says, with the other anomalies, which lines of the extract could not be expected when it gives the référentiel', async () => {
    const v = new ValidationRun(DEFAULT_SETTINGS);
    v.addWorkbook(readXlsx(await returnsXlsx(), 'reseau.xlsx'));
    const lines = [...ASP_LINES, { annee: 2025, mesure: 'ACI', annexe: 'ACI 075 25 0009 A0 M1', nom: 'Chantier sans SIRET', dep: 'Paris', region: 'Ile-de-France', personnes: 5 }];
    const extract = readAspExtract(readXlsx(await aspXlsx('exact', lines), 'asp-2025.xlsx'))!;
    const run = runConsolidation({ report: v.finish(), asp: extract });
    expect(run.completeness?.referentiel.origin).toBe('asp');
    const notExpected = run.anomalies.filter((a) => a.file === 'asp-2025.xlsx' && a.row === 3 + lines.length);
    expect(notExpected).toEqual([expect.objectContaining({ severity: 'avertissement', sheet: 'BenefSorties' })]);
    expect(notExpected[0]!.message).toContain("Extraction ASP « asp-2025.xlsx », feuille « BenefSorties », ligne 9 : l'annexe ACI075250009 n'a pas de SIRET valide : elle n'entre pas dans le référentiel.");
  });
});
