/** Jumping from an issue in the task pane to its cell. */
import { parseRange } from '../../core/a1.js';
import { ExcelHostError, withContext, type ExcelTarget } from './errors.js';

/** Activates `sheet` and selects `address` (a cell or a range); French error when either is wrong. */
export function selectCell(target: ExcelTarget, sheet: string, address: string): Promise<void> {
  const local = address.replace(/\$/g, '');
  parseRange(local); // throws « Adresse de cellule invalide » before touching Excel
  return withContext(target, `Impossible d'afficher la cellule ${local} de la feuille « ${sheet} »`, async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('visibility');
    await context.sync();
    if (ws.isNullObject) throw new ExcelHostError(`La feuille « ${sheet} » n'existe plus dans le classeur : relancez la vérification.`, 'ItemNotFound');
    if (ws.visibility !== 'Visible') {
      throw new ExcelHostError(`La feuille « ${sheet} » est masquée : affichez-la (clic droit sur un onglet, Afficher) pour voir la cellule ${local}.`, 'SheetHidden');
    }
    ws.activate();
    ws.getRange(local).select();
    await context.sync();
  });
}
