/**
 * The public version (« version diffusable ») inside Excel: written to a NEW workbook, never into
 * the user's. Excel.createWorkbook (ExcelApi 1.8) opens an xlsx given as Base64; the bytes come
 * from the project's own xlsx writer, so the new workbook is exactly the file the CLI and the
 * standalone pane produce. The user's workbook is not read, not written and not even opened in a
 * request context here.
 */
import { ExcelHostError, toFrenchError } from './errors.js';
import type { OfficeLike } from './requirements.js';

/** ExcelApi set of Excel.createWorkbook. */
export const CREATE_WORKBOOK_API = '1.8';

/** The part of the Excel namespace needed here, so tests can pass a fake. */
export interface WorkbookCreator {
  readonly createWorkbook?: (base64File?: string) => Promise<void>;
}

/** 'ouvert': Excel opened the new workbook; 'non-pris-en-charge': this Excel cannot, offer a download. */
export type NewWorkbookOutcome = 'ouvert' | 'non-pris-en-charge';

const DOING = 'Ouverture de la version diffusable dans un nouveau classeur impossible';

/** Whether this Excel can open a workbook from bytes (the requirement set and the function). */
export function canCreateWorkbook(excel: WorkbookCreator | undefined, office: OfficeLike | undefined): boolean {
  if (!excel || typeof excel.createWorkbook !== 'function') return false;
  // Without Office's requirement information (an unusual host), trust the function's presence.
  return office ? office.context.requirements.isSetSupported('ExcelApi', CREATE_WORKBOOK_API) : true;
}

/**
 * Opens `bytes` (an xlsx file) as a new workbook. Returns 'non-pris-en-charge' without doing
 * anything when this Excel lacks the API; Excel's own errors become a French ExcelHostError.
 */
export async function openInNewWorkbook(excel: WorkbookCreator | undefined, office: OfficeLike | undefined, bytes: Uint8Array): Promise<NewWorkbookOutcome> {
  if (!canCreateWorkbook(excel, office)) return 'non-pris-en-charge';
  if (bytes.length === 0) throw new ExcelHostError(`${DOING} : le fichier à ouvrir est vide.`, 'InvalidArgument');
  try {
    await excel!.createWorkbook!(toBase64(bytes));
    return 'ouvert';
  } catch (e) {
    throw toFrenchError(e, DOING);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard Base64 (RFC 4648, with padding), without btoa or Buffer so that it runs anywhere. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      const n = (a << 16) | (b << 8) | c;
      s += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
      s += i + 1 < end ? ALPHABET[(n >> 6) & 63]! : '=';
      s += i + 2 < end ? ALPHABET[n & 63]! : '=';
    }
    parts.push(s);
  }
  return parts.join('');
}
