/**
 * The public version (« version diffusable », issue 15) of a consolidation run, as xlsx bytes:
 * publicWorkbookOfRun's suppression and audit (per network and evolution included), then the
 * project's xlsx writer — the same bytes the CLI's --diffusion writes. A refused audit throws its French message; no file is made.
 */
import { publicWorkbookOfRun } from '../../core/diffusion/index.js';
import type { ConsolidationRun } from '../../core/run/index.js';
import { writeWorkbookModel } from '../../hosts/xlsx/write/index.js';
import type { DownloadFile } from './ports.js';

export function publicFileName(periode: number | undefined): string {
  return `consolidation-iae${periode !== undefined ? `-${periode}` : ''}-diffusable.xlsx`;
}

/** With the run's own settings (those of its consolidation), never the defaults behind its back. */
export async function publicVersionFile(run: ConsolidationRun): Promise<DownloadFile> {
  const pub = publicWorkbookOfRun(run);
  const bytes = await writeWorkbookModel(pub.workbook);
  const hidden = `${pub.hiddenCountCells.toLocaleString('fr-FR')} effectif${pub.hiddenCountCells > 1 ? 's' : ''} masqué${pub.hiddenCountCells > 1 ? 's' : ''} sur ${pub.countCells.toLocaleString('fr-FR')}`;
  return { name: publicFileName(pub.periode ?? run.keyFigures.periode), bytes, summary: `${hidden}, audit du secret réussi` };
}
