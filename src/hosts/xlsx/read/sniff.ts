/**
 * What kind of file the bytes are, before trying to unzip them: each kind users mistake for
 * an xlsx gets its own message (an encrypted workbook, a 97-2003 .xls, a CSV renamed .xlsx).
 */
import { XlsxReadError } from './errors';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Whether the UTF-16LE encoding of `name` occurs in `bytes` (CFB directory entry names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    let k = 1;
    while (k < name.length && bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0) k++;
    if (k === name.length) return true;
  }
  return false;
}

/** A CFB (OLE2) container: an encrypted OOXML package, a legacy .xls, or another old Office file. */
function classifyCfb(bytes: Uint8Array, source: string): XlsxReadError {
  if (hasUtf16Name(bytes, 'EncryptedPackage')) return new XlsxReadError(source, 'chiffre');
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return new XlsxReadError(source, 'xls-ancien');
  if (hasUtf16Name(bytes, 'WordDocument'))
    return new XlsxReadError(source, 'pas-un-classeur', "c'est un document Word 97-2003 (.doc).");
  return new XlsxReadError(source, 'xls-ancien');
}

/**
 * The start of the file as text when it looks like text: no NUL byte and almost no control
 * characters. Bytes 0x80-0xFF are allowed either way: Windows-1252 CSVs are frequent.
 */
function textSample(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return undefined;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > head.length / 100) return undefined;
  return new TextDecoder('utf-8', { fatal: false }).decode(head);
}

/**
 * Throws the XlsxReadError that describes non-zip bytes; returns when the bytes start like a
 * zip archive (the caller then checks it is a workbook).
 */
export function sniff(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0) throw new XlsxReadError(source, 'vide');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return;
  if (startsWith(bytes, CFB_MAGIC)) throw classifyCfb(bytes, source);
  if (startsWith(bytes, PDF_MAGIC)) throw new XlsxReadError(source, 'pas-un-classeur', "c'est un document PDF.");
  const text = textSample(bytes);
  if (text !== undefined) {
    const lower = text.replace(/^\ufeff/, '').trimStart().slice(0, 2048).toLowerCase();
    if (lower.startsWith('<?xml') && lower.includes('urn:schemas-microsoft-com:office:spreadsheet'))
      throw new XlsxReadError(source, 'pas-un-classeur', "c'est un classeur « Feuille de calcul XML 2003 ». Ouvrez-le dans Excel puis « Enregistrer sous » au format « Classeur Excel (*.xlsx) », et recommencez.");
    if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || lower.includes('<table'))
      throw new XlsxReadError(source, 'pas-un-classeur', "c'est une page web (HTML) enregistrée avec l'extension d'un classeur. Ouvrez-la dans Excel puis « Enregistrer sous » au format « Classeur Excel (*.xlsx) », et recommencez.");
    throw new XlsxReadError(source, 'csv');
  }
  throw new XlsxReadError(source, 'pas-un-zip');
}
