/**
 * ExcelJS, for tests that read our files back with a third-party reader. The writer does not use
 * it (nothing in src/ imports this file): keep it off the write path and out of the browser bundle.
 * Under Node ESM (tsx) the module arrives as { default: ExcelJS }.
 */
export type ExcelJSModule = typeof import('exceljs');

export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}
