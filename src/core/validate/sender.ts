import { indicatorByCode, type IndicatorDef } from '../../schema/index.js';
import { toA1 } from '../a1.js';
import { cellValue, isCellError, sheetByName, type CellValue } from '../grid.js';
import { makeCellParser } from '../parse/cell-parsers.js';
import { parseDateText, serialToIsoDate } from '../parse/date.js';
import { MISSING, ParsedWithNote, TypeProblem, showCellValue } from '../parse/problem.js';
import { GivenAsUnknown } from '../parse/unknown.js';
import { cleanText } from '../parse/text.js';
import type { CellPos } from '../recognize/locations.js';
import { SENDER_FIELDS } from '../template-layout.js';
import type { SenderInfo } from './report.js';
import type { FileContext } from './file-context.js';

const LABELS = new Map<string, string>(SENDER_FIELDS.map((f) => [f.name, f.label]));

/** The sender block above a network table: who sends, for which département and year, when. */
export function validateSender(ctx: FileContext, cells: ReadonlyMap<string, CellPos>): SenderInfo | undefined {
  if (cells.size === 0) return undefined;
  const info: { -readonly [K in keyof SenderInfo]: SenderInfo[K] } = {};
  const at = (name: string) => {
    const pos = cells.get(name);
    const sheet = pos && sheetByName(ctx.book, pos.sheet);
    return pos && sheet ? { pos, sheet, raw: cellValue(sheet, pos.row, pos.col) } : undefined;
  };
  const problem = (name: string, raw: CellValue, message: string, severity: 'erreur' | 'avertissement' = 'erreur') => {
    const pos = cells.get(name)!;
    ctx.sink.add({ code: 'type-error', severity, file: ctx.file, sheet: pos.sheet, cell: toA1(pos.row, pos.col), value: showCellValue(raw), message });
  };
  const missing = (name: string) => {
    const pos = cells.get(name)!;
    ctx.sink.add({
      code: 'missing-cell',
      severity: 'avertissement',
      file: ctx.file,
      sheet: pos.sheet,
      cell: toA1(pos.row, pos.col),
      message: `« ${LABELS.get(name)} » n'est pas renseigné dans l'en-tête de l'envoi : complétez-le.`,
    });
  };
  const textField = (name: string, key: 'type' | 'nom' | 'contact', warnIfMissing: boolean) => {
    const c = at(name);
    if (!c) return;
    if (typeof c.raw === 'string' && cleanText(c.raw)) info[key] = cleanText(c.raw);
    else if (typeof c.raw === 'number') info[key] = String(c.raw);
    else if (warnIfMissing) missing(name);
  };
  textField('IAE_EMETTEUR_TYPE', 'type', false);
  textField('IAE_EMETTEUR_NOM', 'nom', true);
  textField('IAE_EMETTEUR_CONTACT', 'contact', false);

  const parsed = (name: string, code: 'departement' | 'annee', key: 'departement' | 'annee') => {
    const c = at(name);
    if (!c) return;
    const def = indicatorByCode(code) as IndicatorDef;
    const label = LABELS.get(name) ?? def.label;
    let v = makeCellParser({ ...def, label }, ctx.settings)(c.raw);
    if (v === MISSING || v instanceof GivenAsUnknown) return missing(name);
    if (v instanceof TypeProblem) return problem(name, c.raw, v.message);
    if (v instanceof ParsedWithNote) v = v.value;
    const check = ctx.checks.get(code)!.schema.safeParse(v);
    if (!check.success) return problem(name, c.raw, `« ${label} » : ${check.error.issues[0]?.message ?? 'valeur non admise'}`);
    (info as Record<string, unknown>)[key] = check.data;
  };
  parsed('IAE_EMETTEUR_DEPARTEMENT', 'departement', 'departement');
  parsed('IAE_EMETTEUR_ANNEE', 'annee', 'annee');

  const d = at('IAE_EMETTEUR_DATE');
  if (d && d.raw !== null) {
    const { raw } = d;
    let iso: string | null = null;
    if (typeof raw === 'number') iso = serialToIsoDate(raw, ctx.book.date1904);
    else if (typeof raw === 'string') iso = cleanText(raw) === '' ? null : parseDateText(raw);
    if (iso) info.date = iso;
    else if (!(typeof raw === 'string' && cleanText(raw) === ''))
      problem(
        'IAE_EMETTEUR_DATE',
        raw,
        isCellError(raw)
          ? `« Date d'envoi » contient l'erreur Excel ${raw.error} : saisissez la date (ex. 15/03/2026).`
          : `« Date d'envoi » n'est pas une date : saisissez-la sous la forme jj/mm/aaaa (ex. 15/03/2026).`,
        'avertissement',
      );
  }
  return info;
}
