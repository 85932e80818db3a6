/**
 * Validation of xlsx files and folders on disk (Node): folders are searched recursively for
 * *.xlsx files (Excel's ~$ lock files ignored); each file is read then checked in turn.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import { ValidationRun } from '../../core/validate/run.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { DEFAULT_READ_LIMITS, XlsxReadError } from './read/index.js';
import { formatBytes } from './read/limits.js';
import { addXlsxBytes, type FileValidationOptions } from './validate-bytes.js';

const isXlsxName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$');

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && isXlsxName(e.name)) out.push(p);
  }
}

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be listed, with a French message. */
  readonly problems: { readonly path: string; readonly message: string }[];
}

/** The files to check: given files as they are, folders expanded to their *.xlsx files. */
export async function collectXlsxFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const problems: { path: string; message: string }[] = [];
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) {
        const found: string[] = [];
        await walk(p, found);
        if (found.length === 0) problems.push({ path: p, message: `${p} : ce dossier ne contient aucun fichier .xlsx.` });
        for (const f of found) files.push(f);
      } else files.push(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        path: p,
        message: code === 'ENOENT' ? `${p} : fichier ou dossier introuvable. Vérifiez le chemin.` : `${p} : impossible d'ouvrir ce chemin (${code ?? String(err)}).`,
      });
    }
  }
  return { files, problems };
}

/** Checks files and folders; missing paths and unreadable files are unreadable-file errors of the report. */
export async function validateFiles(paths: readonly string[], options: FileValidationOptions = {}): Promise<ValidationReport> {
  const run = new ValidationRun(options.settings ?? DEFAULT_SETTINGS, options);
  const { files, problems } = await collectXlsxFiles(paths);
  for (const p of problems) run.addUnreadable(p.path, p.message);
  const maxBytes = options.limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      // Refuse an oversized file before loading it into memory; the reader says why.
      const size = (await stat(file)).size;
      if (size > maxBytes) {
        run.addUnreadable(
          file,
          new XlsxReadError(
            file,
            'trop-volumineux',
            `il pèse ${formatBytes(size)} et la limite est de ${formatBytes(maxBytes)}. Retirez les feuilles ou lignes inutiles, ou découpez-le en plusieurs fichiers.`,
          ).message,
        );
      } else addXlsxBytes(run, { name: file, bytes: await readFile(file) }, options.limits);
    } catch (err) {
      run.addUnreadable(file, `${file} : ce fichier ne peut pas être ouvert (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
    options.onProgress?.(i + 1, files.length, file);
  }
  return run.finish();
}

