/**
 * The Excel host (src/hosts/office) behind the ExcelPort interface the controller uses. Only
 * built in Office mode; the host module is imported on demand so that the standalone page
 * never loads it.
 */
import type { WorkbookCreator } from '../../hosts/office/new-workbook.js';
import type { ExcelPort } from './ports.js';

export async function createExcelPort(office: typeof Office = Office, excel: WorkbookCreator | undefined = typeof Excel === 'undefined' ? undefined : Excel): Promise<ExcelPort> {
  const host = await import(/* webpackChunkName: "excel-host" */ '../../hosts/office/index.js');
  const run = host.excelRun;
  return {
    checkRequirements() {
      const check = host.checkRequirements(office);
      if (!check.ok) throw new host.ExcelHostError(check.message, 'RequirementsNotMet');
    },
    readOpenWorkbook: () => host.readOpenWorkbook(run, { source: host.OPEN_WORKBOOK_SOURCE }),
    writeAnomaliesSheet: async (issues) => {
      await host.writeAnomaliesSheet(run, issues, { source: host.OPEN_WORKBOOK_SOURCE });
    },
    highlightCells: async (issues) => {
      await host.highlightCells(run, issues, { source: host.OPEN_WORKBOOK_SOURCE });
    },
    clearHighlights: async () => {
      await host.clearHighlights(run);
    },
    selectCell: (sheet, address) => host.selectCell(run, sheet, address),
    writeModel: async (model) => {
      await host.writeModel(run, model, { kind: host.CONSOLIDATION_KIND });
    },
    // The public version goes to a new workbook: no request context on the user's is opened.
    openInNewWorkbook: (bytes) => host.openInNewWorkbook(excel, office, bytes),
  };
}
