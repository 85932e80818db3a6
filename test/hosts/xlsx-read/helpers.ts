/** Builders of real xlsx files for the reader's tests: ExcelJS workbooks and hand-made packages. */
import type ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';

export async function excelBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** ExcelJS writes range validations (one sqref) but its typings only know per-cell ones. */
export function addValidation(ws: ExcelJS.Worksheet, range: string, dv: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, dv);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HandSheet {
  name: string;
  /** Path inside the package, e.g. "xl/feuilles/donnees.xml". */
  path: string;
  /** Whole worksheet XML (as bytes: any bytes, UTF-8 or not). */
  xml: string | Uint8Array;
  state?: string;
  rels?: string;
}

/**
 * A minimal but valid xlsx package from hand-written parts: to test what ExcelJS never
 * writes (prefixed namespaces, missing `r`, inline strings, x14 validations…).
 */
export function handXlsx(opts: {
  sheets: HandSheet[];
  sharedStrings?: string;
  styles?: string;
  workbookExtra?: string;
  workbookPr?: string;
  extraParts?: Record<string, string>;
  /** Deflate level, 0 to store every part as it is (default: fflate's). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}): Uint8Array {
  const files: Zippable = {};
  const put = (path: string, text: string | Uint8Array) => {
    files[path] = typeof text === 'string' ? strToU8(text) : text;
  };
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  put('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels: string[] = [];
  const sheets: string[] = [];
  opts.sheets.forEach((s, i) => {
    rels.push(`<Relationship Id="rIdS${i}" Type="${R}/worksheet" Target="/${s.path}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i}"/>`);
    put(s.path, s.xml);
    if (s.rels) {
      const slash = s.path.lastIndexOf('/');
      put(`${s.path.slice(0, slash)}/_rels/${s.path.slice(slash + 1)}.rels`, s.rels);
    }
  });
  if (opts.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdSST" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
    put('xl/sharedStrings.xml', opts.sharedStrings);
  }
  if (opts.styles !== undefined) {
    rels.push(`<Relationship Id="rIdST" Type="${R}/styles" Target="styles.xml"/>`);
    put('xl/styles.xml', opts.styles);
  }
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`);
  put(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}">${opts.workbookPr ?? ''}<sheets>${sheets.join('')}</sheets>${opts.workbookExtra ?? ''}</workbook>`,
  );
  for (const [path, text] of Object.entries(opts.extraParts ?? {})) put(path, text);
  return zipSync(files, opts.level === undefined ? {} : { level: opts.level });
}

/** A worksheet document around `inner` (sheetData and what follows). */
export function worksheetXml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${R}">${inner}</worksheet>`;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
export function noise(n: number, seed = 2463534242): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Little-endian fields of a zip package, to damage a copy of one on purpose. */
export const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
export const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
export function put32(b: Uint8Array, o: number, v: number): void {
  for (let k = 0; k < 4; k++) b[o + k] = (v >>> (8 * k)) & 0xff;
}

/** Where `part` lies in a package: its local header, central directory entry, data offset and compressed size. */
export function zipEntry(bytes: Uint8Array, part: string): { local: number; central: number; data: number; size: number } {
  const name = strToU8(part);
  const named = (at: number) => name.every((c, k) => bytes[at + k] === c);
  let local = -1;
  let central = -1;
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = u32(bytes, i);
    if (sig === 0x04034b50 && u16(bytes, i + 26) === name.length && named(i + 30)) local = i;
    if (sig === 0x02014b50 && u16(bytes, i + 28) === name.length && named(i + 46)) central = i;
  }
  if (local < 0 || central < 0) throw new Error(`partie ${part} introuvable dans le zip de test`);
  return { local, central, data: local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28), size: u32(bytes, central + 20) };
}

/** Damaged copies of a package: lying sizes, flipped bytes, a wrong CRC, cut files. */
export function damaged(bytes: Uint8Array, parts: readonly string[]): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [{ name: 'intact', bytes }];
  const edit = (name: string, f: (b: Uint8Array) => void) => {
    const b = bytes.slice();
    f(b);
    out.push({ name, bytes: b });
  };
  for (const part of parts) {
    const w = zipEntry(bytes, part);
    const real = u32(bytes, w.central + 24);
    for (const declared of [0, 3, real - 1, real + 1, real * 3, 1024 * 1024, 8 * 1024 * 1024, 0xfffffffe])
      edit(`${part} déclarée de ${declared} octets`, (b) => {
        put32(b, w.local + 22, declared);
        put32(b, w.central + 24, declared);
      });
    edit(`${part} : CRC faux`, (b) => put32(b, w.central + 16, (u32(b, w.central + 16) ^ 0x10) >>> 0));
    edit(`${part} : données coupées de moitié`, (b) => {
      put32(b, w.local + 18, w.size >> 1);
      put32(b, w.central + 20, w.size >> 1);
    });
    for (let k = 0; k < 12; k++) {
      const at = w.data + Math.floor(((k + 0.5) * w.size) / 12);
      edit(`${part} : octet ${at} inversé`, (b) => {
        b[at] = b[at]! ^ 0xff;
      });
      edit(`${part} : octet ${at} à zéro`, (b) => {
        b[at] = 0;
      });
    }
  }
  for (const cut of [1, 22, 100, bytes.length >> 1, bytes.length - 200]) out.push({ name: `coupé de ${cut} octets`, bytes: bytes.subarray(0, bytes.length - cut) });
  return out;
}
