/** The Office.js host: what the task pane and the ribbon commands call. */
export { readOpenWorkbook, OPEN_WORKBOOK_SOURCE, type ReadOptions } from './read-workbook.js';
export { writeModel, CONSOLIDATION_KIND, type WriteOptions, type WriteResult } from './write-model.js';
export { writeAnomaliesSheet, anomaliesSheetModel, ANOMALIES_SHEET, type AnomaliesOptions } from './anomalies.js';
export { highlightCells, clearHighlights, type HighlightResult, type HighlightOptions } from './highlight.js';
export { selectCell } from './select.js';
export { checkRequirements, REQUIREMENTS, MIN_EXCEL_API, type OfficeLike, type RequirementCheck } from './requirements.js';
export { runWithExcel, excelRun, toFrenchError, ExcelHostError, type ExcelRunner, type ExcelTarget } from './errors.js';
export { openInNewWorkbook, canCreateWorkbook, toBase64, CREATE_WORKBOOK_API, type WorkbookCreator, type NewWorkbookOutcome } from './new-workbook.js';
