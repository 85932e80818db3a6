/**
 * Highlighting of the faulty cells, in bulk and removable without touching the user's own
 * formatting: one conditional format per sheet, severity and address chunk, applied to a
 * RangeAreas (worksheet.getRanges, ExcelApi 1.9). A conditional format only overlays the cell's
 * look, so removing it gives back the user's fill exactly; the add-in's ones are recognised by
 * their formula, which carries the mark "IAE-surlignage" — nothing else needs remembering.
 */
import type { ValidationIssue } from '../../core/records.js';
import { chunkAddresses, packCells, stringLiteral } from './address.js';
import { withContext, type ExcelTarget } from './errors.js';
import { OPEN_WORKBOOK_SOURCE } from './read-workbook.js';

export const HIGHLIGHT_MARK = 'IAE-surlignage';

const LOOK = {
  erreur: { fill: '#FFC7CE', font: '#9C0006' },
  avertissement: { fill: '#FFEB9C', font: '#9C5700' },
} as const;

/** The rule's formula: always TRUE, and carries the mark (N() of a text is 0). */
export function highlightFormula(severity: keyof typeof LOOK): string {
  return `=N(${stringLiteral(`${HIGHLIGHT_MARK}:${severity}`)})=0`;
}

export interface HighlightResult {
  readonly cells: number;
  readonly sheets: number;
  /** Highlights from a previous run that were removed first. */
  readonly removed: number;
  /** Issues pointing at sheets that no longer exist. */
  readonly skipped: number;
}

export interface HighlightOptions {
  /** Only issues of this file (the open workbook's GridWorkbook.source) are highlighted. */
  readonly source?: string;
  /** Longest address list given to one getRanges() call. */
  readonly maxAddressChars?: number;
}

/**
 * Finds the add-in's conditional formats on every sheet and queues their deletion (3 syncs:
 * sheets, conditional formats, rules of the custom ones). The caller's next sync deletes them.
 */
async function queueClear(context: Excel.RequestContext): Promise<{ sheets: string[]; removed: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const all = worksheets.items.map((ws) => {
    const formats = ws.getRange().conditionalFormats;
    formats.load('items/type');
    return formats;
  });
  await context.sync();
  const custom = all.flatMap((formats) =>
    formats.items
      .filter((cf) => cf.type === 'Custom')
      .map((cf) => {
        const rule = cf.custom.rule;
        rule.load('formula');
        return { cf, rule };
      }),
  );
  await context.sync();
  const mine = custom.filter(({ rule }) => rule.formula.includes(HIGHLIGHT_MARK));
  mine.forEach(({ cf }) => cf.delete());
  return { sheets: worksheets.items.map((ws) => ws.name), removed: mine.length };
}

/** Removes every highlight the add-in made (4 syncs in all, whatever their number). */
export function clearHighlights(target: ExcelTarget): Promise<number> {
  return withContext(target, 'Effacement du surlignage impossible', async (context) => {
    const { removed } = await queueClear(context);
    await context.sync();
    return removed;
  });
}

/** Replaces the highlights with those of `issues` (4 syncs in all, whatever their number). */
export function highlightCells(target: ExcelTarget, issues: readonly ValidationIssue[], options: HighlightOptions = {}): Promise<HighlightResult> {
  const source = options.source ?? OPEN_WORKBOOK_SOURCE;
  return withContext(target, 'Surlignage des cellules impossible', async (context) => {
    const { sheets, removed } = await queueClear(context);
    const exists = new Map(sheets.map((s) => [s.toLowerCase(), s]));
    // sheet → severity → cells; an error wins over a warning on the same cell.
    const bySheet = new Map<string, { erreur: Set<string>; avertissement: Set<string> }>();
    let skipped = 0;
    for (const i of issues) {
      if (i.file !== source || !i.sheet || !i.cell) continue;
      const sheet = exists.get(i.sheet.toLowerCase());
      if (!sheet) {
        skipped++;
        continue;
      }
      let entry = bySheet.get(sheet);
      if (!entry) bySheet.set(sheet, (entry = { erreur: new Set(), avertissement: new Set() }));
      entry[i.severity].add(i.cell.replace(/\$/g, '').toUpperCase());
    }
    let cells = 0;
    for (const [sheet, entry] of bySheet) {
      for (const c of entry.erreur) entry.avertissement.delete(c);
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const severity of ['avertissement', 'erreur'] as const) {
        cells += entry[severity].size;
        for (const chunk of chunkAddresses(packCells(entry[severity]), options.maxAddressChars)) {
          const cf = ws.getRanges(chunk).conditionalFormats.add('Custom');
          cf.custom.rule.formula = highlightFormula(severity);
          cf.custom.format.fill.color = LOOK[severity].fill;
          cf.custom.format.font.color = LOOK[severity].font;
        }
      }
    }
    await context.sync();
    return { cells, sheets: bySheet.size, removed, skipped };
  });
}
