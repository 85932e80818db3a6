/**
 * ExcelJS is large and CommonJS: load it on demand so browser bundles split it into its own chunk.
 * Under Node ESM (tsx) the module arrives as { default: ExcelJS }; under webpack (browser build)
 * it may arrive as the namespace itself.
 */
export type ExcelJSModule = typeof import('exceljs');

export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}
