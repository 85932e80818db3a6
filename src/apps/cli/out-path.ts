/**
 * `--out` is checked before any file is read: a wrong extension, a folder, a missing parent
 * folder, an existing file without --force, or a path that is one of the inputs (refused even
 * with --force: the return would be lost) each get a French sentence and exit 2 at once.
 */
import { constants } from 'node:fs';
import { access, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { systemErrorSentence } from './fs-errors.js';

/** A path as the system knows it: symbolic links resolved when the file exists. */
export async function canonicalPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** undefined when `out` can be written; else the French reason it cannot. */
export async function checkOutPath(out: string, options: { readonly force: boolean; readonly inputs: readonly string[] }): Promise<string | undefined> {
  let existing;
  try {
    existing = await stat(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return systemErrorSentence(err, out);
  }
  if (existing?.isDirectory()) return `« ${out} » est un dossier : indiquez le nom du classeur à écrire, par exemple « ${out.replace(/[\\/]+$/, '')}/consolidation.xlsx ».`;
  if (!/\.xlsx$/i.test(out)) return `Le classeur consolidé doit avoir l'extension .xlsx (reçu : « ${out} »).`;
  const target = await canonicalPath(out);
  const inputs = await Promise.all(options.inputs.map(canonicalPath));
  if (inputs.includes(target))
    return `« ${out} » est aussi un des fichiers à consolider : le remplacer effacerait ce retour (même avec --force). Choisissez un autre nom pour --out.`;
  if (existing && !options.force) return `Le fichier « ${out} » existe déjà : il n'a pas été modifié. Ajoutez --force pour le remplacer, ou choisissez un autre nom.`;
  const parent = dirname(resolve(out));
  try {
    const p = await stat(parent);
    if (!p.isDirectory()) return `« ${dirname(out)} » n'est pas un dossier : le classeur « ${basename(out)} » ne peut pas y être écrit.`;
    await access(parent, constants.W_OK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `Le dossier « ${dirname(out)} » n'existe pas : créez-le, ou choisissez un autre emplacement pour --out.`;
    return systemErrorSentence(err, dirname(out));
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<out>.<pid>.tmp` files left by earlier runs that were killed (their process is gone). */
export async function removeStaleTemporaries(out: string): Promise<string[]> {
  const dir = dirname(resolve(out));
  const prefix = `${basename(out)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await rm(resolve(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Writes aside then renames, so that an interrupted run never leaves half a workbook at `out`. */
export async function writeAtomically(out: string, bytes: Uint8Array): Promise<string | undefined> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, out);
    return undefined;
  } catch (err) {
    await rm(tmp, { force: true });
    return `Impossible d'écrire le classeur consolidé : ${systemErrorSentence(err, out)}`;
  }
}
