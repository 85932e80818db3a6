/**
 * Validation of workbook files and folders on disk (Node): folders are searched recursively
 * for workbooks (.xlsx, .ods); each file is read then checked in turn. A scan never leaves a
 * file out silently: every entry is either read or listed as ignored with its reason (another
 * format, a lock file of Excel or LibreOffice, a broken link…). Symbolic links are followed,
 * each folder entered once (no loop); names that are not UTF-8 are read through their bytes.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import { ValidationRun } from '../../core/validate/run.js';
import type { ValidationReport } from '../../core/validate/report.js';
import { DEFAULT_READ_LIMITS, ReadMemo } from './read/index.js';
import { fsErrorDetail, fsPath, readFileBytes, registerRawPath } from './read-file.js';
import { addXlsxBytes, unreadableMessage, type FileValidationOptions } from './validate-bytes.js';

/** A file of a scanned folder that is not checked, and why (French). */
export interface IgnoredFile {
  readonly path: string;
  readonly reason: string;
}

export interface CollectedFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be listed, with a French message. */
  readonly problems: { readonly path: string; readonly message: string }[];
  /** Entries of scanned folders that are not checked, each with its reason. */
  readonly ignored: IgnoredFile[];
}

/** The report of validateFiles: the files checked, plus the entries of folders left aside. */
export interface FilesValidationReport extends ValidationReport {
  readonly ignored: readonly IgnoredFile[];
}

const WORKBOOK_EXT = /\.(xlsx|ods)$/i;

/** Why a file of a scanned folder is not a workbook to check, from its name. */
function ignoredReason(name: string): string | undefined {
  if (name.startsWith('~$') || name.startsWith('.~lock.'))
    return 'fichier de verrouillage d’Excel ou de LibreOffice (le classeur est ouvert ailleurs), pas un retour';
  if (name.startsWith('.')) return 'fichier caché';
  if (WORKBOOK_EXT.test(name)) return undefined;
  const ext = /\.([^.]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  const resave = 'ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx pour qu’il soit vérifié';
  switch (ext) {
    case 'csv':
    case 'txt':
      return `fichier texte (.${ext}), pas un classeur : ${resave}`;
    case 'xls':
      return `classeur Excel 97-2003 (.xls), format non pris en charge : ${resave}`;
    case 'xlsm':
    case 'xlsb':
      return `classeur Excel .${ext}, format non pris en charge : ${resave}`;
    case 'pdf':
      return 'document PDF, pas un classeur';
    case 'doc':
    case 'docx':
    case 'odt':
      return `document texte (.${ext}), pas un classeur`;
    case undefined:
      return 'fichier sans extension .xlsx ni .ods';
    default:
      return `fichier .${ext}, pas un classeur (.xlsx ou .ods)`;
  }
}

/** A file name as the user should read it: UTF-8 when it is, Latin-1 otherwise (old shares). */
function displayName(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** Folder depth past which a scan stops (a guard, far beyond any real tree of returns). */
const MAX_DEPTH = 64;

class Walker {
  readonly files: string[] = [];
  readonly ignored: IgnoredFile[] = [];
  private readonly visited = new Set<string>();

  async walk(dir: string, depth: number): Promise<void> {
    const real = await realpath(fsPath(dir), { encoding: 'buffer' }).then((b) => b.toString('latin1'));
    if (this.visited.has(real)) {
      this.ignored.push({ path: dir, reason: 'dossier déjà parcouru (un lien symbolique y ramène) : ses fichiers sont comptés une seule fois' });
      return;
    }
    this.visited.add(real);
    if (depth > MAX_DEPTH) {
      this.ignored.push({ path: dir, reason: `dossier trop profond (plus de ${MAX_DEPTH} niveaux), non parcouru` });
      return;
    }
    const dirRaw = fsPath(dir);
    const entries = await readdir(dirRaw, { withFileTypes: true, encoding: 'buffer' });
    const named = entries.map((e) => ({ e, name: displayName(e.name) }));
    named.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    for (const { e, name } of named) {
      const path = join(dir, name);
      // Only a name (or folder) that UTF-8 cannot spell needs its bytes kept.
      const rawPath = Buffer.concat([typeof dirRaw === 'string' ? Buffer.from(dirRaw) : dirRaw, Buffer.from('/'), e.name]);
      if (typeof dirRaw !== 'string' || !Buffer.from(name).equals(e.name)) registerRawPath(path, rawPath);
      await this.entry(path, name, e, depth);
    }
  }

  private async entry(path: string, name: string, e: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }, depth: number): Promise<void> {
    const reason = ignoredReason(name);
    if (e.isDirectory()) {
      if (name.startsWith('.')) this.ignored.push({ path, reason: 'dossier caché, non parcouru' });
      else await this.walk(path, depth + 1);
      return;
    }
    if (e.isSymbolicLink()) {
      let target;
      try {
        target = await stat(fsPath(path));
      } catch (err) {
        // A workbook's name: the reader says precisely what is wrong with the link.
        if (reason === undefined) this.files.push(path);
        else this.ignored.push({ path, reason: `lien symbolique inutilisable (${fsErrorDetail((err as NodeJS.ErrnoException).code)})` });
        return;
      }
      if (target.isDirectory()) {
        await this.walk(path, depth + 1);
        return;
      }
    }
    if (reason === undefined) this.files.push(path);
    else this.ignored.push({ path, reason });
  }
}

/** The files to check: given files as they are, folders expanded to their workbooks. */
export async function collectXlsxFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const walker = new Walker();
  const problems: { path: string; message: string }[] = [];
  for (const p of paths) {
    try {
      const s = await stat(fsPath(p));
      if (s.isDirectory()) {
        const before = walker.files.length;
        await walker.walk(p, 0);
        if (walker.files.length === before)
          problems.push({ path: p, message: `${p} : ce dossier ne contient aucun classeur (.xlsx ou .ods).` });
      } else walker.files.push(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        path: p,
        message: code === 'ENOENT' ? `${p} : fichier ou dossier introuvable. Vérifiez le chemin.` : `${p} : impossible d'ouvrir ce chemin (${fsErrorDetail(code)}).`,
      });
    }
  }
  return { files: walker.files, problems, ignored: walker.ignored };
}

/** Checks files and folders; missing paths and unreadable files are unreadable-file errors of the report. */
export async function validateFiles(paths: readonly string[], options: FileValidationOptions = {}): Promise<FilesValidationReport> {
  const run = new ValidationRun(options.settings ?? DEFAULT_SETTINGS, options);
  const { files, problems, ignored } = await collectXlsxFiles(paths);
  for (const p of problems) run.addUnreadable(p.path, p.message);
  const maxBytes = options.limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  const memo = new ReadMemo(); // the run's: see validateXlsxBytes
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    let bytes: Uint8Array | undefined;
    try {
      // Regular files only, never more than the limit in memory; the reader then says why.
      bytes = await readFileBytes(file, file, maxBytes);
    } catch (err) {
      run.addUnreadable(file, unreadableMessage(file, err));
    }
    if (bytes) addXlsxBytes(run, { name: file, bytes }, options.limits, memo);
    options.onProgress?.(i + 1, files.length, file);
  }
  return { ...run.finish(), ignored };
}

/** The ignored entries as French lines for a summary; empty when there are none. */
export function formatIgnored(ignored: readonly IgnoredFile[]): string {
  if (ignored.length === 0) return '';
  const lines = ignored.map((f) => `  ${f.path.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�')} — ignoré : ${f.reason}`);
  return `Fichiers ignorés (${ignored.length}) :\n${lines.join('\n')}\n`;
}
