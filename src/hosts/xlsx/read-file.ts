/**
 * Node only: reads an xlsx file from disk. The size is checked with stat before reading, so
 * a 2 Go file is refused without being loaded; file system errors become French messages.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GridWorkbook } from '../../core/grid';
import { readXlsx, XlsxReadError, type ReadLimits } from './read';
import { fileTooLargeDetail, resolveLimits } from './read/limits';

function fsError(err: unknown, name: string): XlsxReadError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new XlsxReadError(name, 'introuvable', undefined, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new XlsxReadError(name, 'inaccessible', 'accès refusé : vérifiez les droits sur le fichier', { cause: err });
    case 'EISDIR':
      return new XlsxReadError(name, 'inaccessible', "c'est un dossier, pas un fichier", { cause: err });
    case 'EBUSY':
      return new XlsxReadError(name, 'inaccessible', 'il est utilisé par une autre application : fermez-le puis recommencez', { cause: err });
    default:
      return new XlsxReadError(name, 'inaccessible', `erreur du système de fichiers${code ? ` ${code}` : ''}`, { cause: err });
  }
}

/**
 * Reads and parses the workbook at `path`. Messages name the file by its base name, as the
 * user knows it; the full path is in the error's `cause` for file system errors.
 */
export async function readXlsxFile(path: string, limits?: Partial<ReadLimits>): Promise<GridWorkbook> {
  const name = basename(path);
  const lim = resolveLimits(limits);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw fsError(err, name);
  }
  if (size > lim.maxFileBytes)
    throw new XlsxReadError(
      name,
      'trop-volumineux',
      fileTooLargeDetail(size, lim.maxFileBytes),
    );
  let bytes: Uint8Array;
  try {
    const buf = await readFile(path);
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw fsError(err, name);
  }
  return readXlsx(bytes, name, lim);
}
