/**
 * The demo's second year: returns of a plausible N−1 (src/core/demo/previous-year.ts, written
 * once like the year N returns), consolidated by the same run into a workbook that the demo
 * then gives as reference, as a user would give last year's consolidation (« Évolution »).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consolidateFiles, readReferenceFile } from '../src/apps/cli/consolidate.js';
import { writeAtomically } from '../src/apps/cli/out-path.js';
import type { ReferenceInput } from '../src/core/campaign/index.js';
import { generatePreviousDemoYear } from '../src/core/demo/index.js';
import { writeDemoFiles } from '../src/hosts/xlsx/demo-files.js';
import { writeWorkbookModel } from '../src/hosts/xlsx/write/index.js';
import { buildRunWorkbook } from '../src/core/run/index.js';

export interface PreviousDemoYear {
  readonly reference: ReferenceInput;
  readonly path: string;
  readonly annee: number;
  readonly returnsDir: string;
}

export async function previousDemoYear(dataDir: string, log: (line: string) => void): Promise<PreviousDemoYear> {
  const region = generatePreviousDemoYear();
  const returnsDir = join(dataDir, `retours-${region.annee}`);
  if (!existsSync(returnsDir)) {
    const files = await writeDemoFiles(region, returnsDir);
    log(`Année précédente de démonstration : ${files.length} fichiers (${region.siae.length} SIAE, année ${region.annee}).`);
  }
  const path = join(dataDir, `consolidation-${region.annee}.xlsx`);
  const run = await consolidateFiles([returnsDir], { exclude: [path] });
  const failed = await writeAtomically(path, await writeWorkbookModel(buildRunWorkbook(run)));
  if (failed) throw new Error(failed);
  const reference = await readReferenceFile(path);
  if (typeof reference === 'string') throw new Error(reference);
  return { reference, path, annee: region.annee, returnsDir };
}
