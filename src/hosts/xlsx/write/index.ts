/** Writes a WorkbookModel as an xlsx file (ExcelJS, then package post-processing). */
import type { WorkbookModel } from '../../../core/workbook-model';
import { loadExcelJS } from './load-exceljs';
import { addCharts, addDefinedNames, completeContainsTextRules, fixInternalHyperlinks, unzipParts, widenValidationRanges, zipDeterministic } from './package-parts';
import { renderSheet, type SqrefFix } from './render-sheet';

/** Fixed document dates: the same model must give the same bytes. */
export const DOCUMENT_DATE = new Date('2020-01-01T00:00:00Z');

export async function writeWorkbookModel(model: WorkbookModel): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const s of model.sheets) {
    if (!s.name || s.name.length > 31 || /[\\/?*[\]:]/.test(s.name)) throw new Error(`Nom de feuille invalide « ${s.name} » (31 caractères au plus, sans \\ / ? * [ ] :).`);
    if (names.has(s.name.toLowerCase())) throw new Error(`Feuille en double « ${s.name} ».`);
    names.add(s.name.toLowerCase());
  }
  if (model.sheets.length > 0 && model.sheets.every((s) => (s.visibility ?? 'visible') !== 'visible')) {
    throw new Error('Le classeur doit contenir au moins une feuille visible.');
  }
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.created = DOCUMENT_DATE;
  wb.modified = DOCUMENT_DATE;
  wb.creator = model.properties?.creator ?? '';
  wb.lastModifiedBy = model.properties?.creator ?? '';
  if (model.properties?.title !== undefined) wb.title = model.properties.title;
  if (model.properties?.subject !== undefined) wb.subject = model.properties.subject;
  const fixes = new Map<string, SqrefFix[]>();
  for (const sheet of model.sheets) fixes.set(sheet.name, await renderSheet(wb, sheet));
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const parts = unzipParts(raw);
  fixInternalHyperlinks(parts);
  widenValidationRanges(parts, fixes);
  completeContainsTextRules(parts);
  addDefinedNames(parts, model.definedNames ?? []);
  addCharts(parts, model.sheets);
  return zipDeterministic(parts);
}
