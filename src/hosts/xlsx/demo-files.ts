/**
 * Node only: writes a demo region (src/core/demo) as xlsx files in the templates' formats —
 * one SIAE form per SIAE that sends its own, one network table per network — filled through
 * the templates' input cells (fillSiaeForm / fillNetworkTable) and written by the project's
 * writer. Files appear whole: the folder is built aside, then renamed into place.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DemoRegion } from '../../core/demo/index.js';
import { fillNetworkTable, fillSiaeForm, type TypedReturn } from '../../core/templates/index.js';
import { DEFAULT_SETTINGS, type Settings } from '../../schema/index.js';
import { writeWorkbookModel } from './write/index.js';

export const DEMO_FORMS_DIR = 'formulaires-siae';
export const DEMO_NETWORKS_DIR = 'reseaux';

/** Excel serial of a calendar date (1900 system). */
function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const asTyped = (v: object): TypedReturn => v as TypedReturn;

/** Writes the region's files under `dir` (created; must not exist yet). Returns the paths written. */
export async function writeDemoFiles(region: DemoRegion, dir: string, settings: Settings = DEFAULT_SETTINGS): Promise<string[]> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(join(tmp, DEMO_FORMS_DIR), { recursive: true });
  await mkdir(join(tmp, DEMO_NETWORKS_DIR), { recursive: true });
  const written: string[] = [];
  try {
    for (const s of region.siae) {
      if (s.channel.type !== 'formulaire') continue;
      const name = `siae-${s.values.departement}-${s.values.type_siae.toLowerCase()}-${s.values.siret}.xlsx`;
      const bytes = await writeWorkbookModel(fillSiaeForm(settings, asTyped(s.values), { cacheHelpers: true }));
      await writeFile(join(tmp, DEMO_FORMS_DIR, name), bytes);
      written.push(join(dir, DEMO_FORMS_DIR, name));
    }
    for (const n of region.networks) {
      const rows = region.siae.filter((s) => s.channel.type === 'reseau' && s.channel.network === n.id).map((s) => asTyped(s.values));
      if (rows.length === 0) continue;
      const model = fillNetworkTable(
        settings,
        {
          IAE_EMETTEUR_TYPE: 'Réseau',
          IAE_EMETTEUR_NOM: n.name,
          IAE_EMETTEUR_DEPARTEMENT: n.departement,
          IAE_EMETTEUR_ANNEE: region.annee,
          IAE_EMETTEUR_CONTACT: 'Équipe de démonstration, demo@exemple.org',
          IAE_EMETTEUR_DATE: excelSerial(region.annee + 1, 1, 31),
        },
        rows,
      );
      const name = `${n.id}.xlsx`;
      await writeFile(join(tmp, DEMO_NETWORKS_DIR, name), await writeWorkbookModel(model));
      written.push(join(dir, DEMO_NETWORKS_DIR, name));
    }
    await mkdir(dirname(dir), { recursive: true });
    await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return written;
}
