import { cleanText } from './text.js';

const MS_PER_DAY = 86_400_000;
// Excel's serial 0 is 1899-12-30 in the 1900 system (its fictitious 29 Feb 1900 included).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial to an ISO date (YYYY-MM-DD), or null when out of any sensible range. */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

function isoIfValid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31/02
  return dt.toISOString().slice(0, 10);
}

const FR_DATE = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;

/** A date typed as text: "15/03/2025", "15-03-25", "15.03.2025", "2025-03-15". French order (day first). */
export function parseDateText(text: string): string | null {
  const t = cleanText(text);
  let m = ISO_DATE.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = FR_DATE.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += 2000;
    return isoIfValid(y, Number(m[2]), Number(m[1]));
  }
  return null;
}
