/**
 * Node only: reads a workbook file from disk. Only regular files are read (a FIFO named
 * t.xlsx would block forever, a link to /dev/zero never ends); the size is checked with stat
 * before opening, then again on the bytes actually read, which stop one byte past the limit.
 * Every file system error becomes a French sentence that names the file.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GridWorkbook } from '../../core/grid';
import { readXlsx, XlsxReadError, type ReadLimits } from './read';
import { fileTooLargeDetail, resolveLimits } from './read/limits';

/**
 * File names that are not valid UTF-8 (a Latin-1 name from an old Windows share) cannot be
 * spelled as a JS string that Node maps back to the same bytes: the scan keeps their bytes
 * here, under the name shown to the user, and every read goes through fsPath.
 */
const rawPaths = new Map<string, Buffer>();

/** Remembers the bytes of a path shown as `display`; returns `display`. */
export function registerRawPath(display: string, raw: Buffer): string {
  rawPaths.set(display, raw);
  return display;
}

/** The path to give to node:fs for a path shown to the user. */
export function fsPath(display: string): string | Buffer {
  return rawPaths.get(display) ?? display;
}

/** The French reason for a system error code, without the code itself. */
export function fsErrorDetail(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'fichier ou dossier introuvable : vérifiez le nom et le dossier';
    case 'ENOTDIR':
      return 'un élément du chemin n’est pas un dossier : vérifiez le chemin';
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé : vérifiez les droits sur le fichier';
    case 'EISDIR':
      return "c'est un dossier, pas un fichier";
    case 'EBUSY':
    case 'ETXTBSY':
      return 'il est utilisé par une autre application : fermez-le puis recommencez';
    case 'ELOOP':
      return 'les liens symboliques de ce chemin forment une boucle';
    case 'ENAMETOOLONG':
      return 'le chemin est trop long';
    case 'EMFILE':
    case 'ENFILE':
      return 'trop de fichiers sont ouverts en même temps : recommencez';
    case 'EIO':
      return 'erreur de lecture du disque';
    case 'ENXIO':
    case 'ENODEV':
      return "c'est un périphérique, pas un fichier";
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return "c'est un tube ou un périphérique qui ne se lit pas comme un fichier";
    default:
      return 'erreur inattendue du système de fichiers';
  }
}

function fsError(err: unknown, name: string): XlsxReadError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new XlsxReadError(name, 'introuvable', undefined, { cause: err });
  return new XlsxReadError(name, 'inaccessible', fsErrorDetail(code), { cause: err });
}

/** What a path that is not a regular file is, in French. */
function notRegular(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return "c'est un dossier, pas un fichier";
  if (st.isFIFO()) return "c'est un tube nommé (FIFO), pas un fichier ordinaire";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "c'est un périphérique (comme /dev/zero), pas un fichier ordinaire";
  if (st.isSocket()) return "c'est une prise de communication (socket), pas un fichier ordinaire";
  return "ce n'est pas un fichier ordinaire";
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them; `name` is how messages
 * name it. Throws an XlsxReadError with a French message otherwise.
 */
export async function readFileBytes(path: string, name: string, maxBytes: number): Promise<Uint8Array> {
  const where = fsPath(path);
  let handle;
  try {
    const st = await stat(where);
    if (!st.isFile()) throw new XlsxReadError(name, 'inaccessible', notRegular(st));
    if (st.size > maxBytes) throw new XlsxReadError(name, 'trop-volumineux', fileTooLargeDetail(st.size, maxBytes));
    // Non-blocking: should the file have been swapped for a FIFO since stat, open cannot hang.
    handle = await open(where, constants.O_RDONLY | constants.O_NONBLOCK);
    const again = await handle.stat();
    if (!again.isFile()) throw new XlsxReadError(name, 'inaccessible', notRegular(again));
    // The size stat gave is a hint: read until the end, never past the limit plus one byte.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // Room for what stat announced plus one byte (to see a file that grew), 64 ko at least.
      const room = Math.min(maxBytes + 1 - total, Math.max(again.size - total + 1, 64 * 1024), 16 * 1024 * 1024);
      const buf = new Uint8Array(room);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        throw new XlsxReadError(name, 'trop-volumineux', fileTooLargeDetail(total, maxBytes).replace('il pèse', 'il pèse plus de'));
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    throw fsError(err, name);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads and parses the workbook at `path`. Messages name the file by its base name, as the
 * user knows it; the full path is in the error's `cause` for file system errors.
 */
export async function readXlsxFile(path: string, limits?: Partial<ReadLimits>): Promise<GridWorkbook> {
  const name = basename(path);
  const lim = resolveLimits(limits);
  const bytes = await readFileBytes(path, name, lim.maxFileBytes);
  return readXlsx(bytes, name, lim);
}
