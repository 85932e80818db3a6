import { formatNumberFr } from '../../schema/index.js';
import { ISSUE_CODES, type ValidationIssue } from '../../core/records.js';
import type { FileReport, ValidationReport } from '../../core/validate/report.js';
import { TEMPLATE_TITLES } from '../../core/template-layout.js';

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumberFr(n)} ${n > 1 ? many : one}`;

/** Control characters out, so that a cell's text cannot move the cursor or recolour a terminal. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\n/g, ' ');
}

/** Width of the code column: the longest issue code. */
const CODE_WIDTH = ISSUE_CODES.reduce((w, c) => Math.max(w, c.length), 0);

/** One issue as columns: cell, severity, code, then the French sentence (the code is never glued to it). */
function issueLine(i: ValidationIssue): string {
  const where = i.cell ? i.cell.padEnd(6) : '      ';
  const sev = i.severity === 'erreur' ? 'ERREUR       ' : 'avertissement';
  const found = i.value !== undefined && i.value !== '' && !i.message.includes(i.value) ? ` [valeur : « ${safe(i.value)} »]` : '';
  return `    ${where} ${sev} ${i.code.padEnd(CODE_WIDTH)} ${safe(i.message)}${found}`;
}

function templateLine(f: FileReport): string {
  if (f.unreadable) return 'illisible';
  if (!f.template.kind) return 'modèle non reconnu';
  const v = f.template.version ? `, version ${f.template.version}` : '';
  const how = f.template.via === 'metadata' ? '' : ' (reconnu par ses en-têtes ou ses noms)';
  return `${TEMPLATE_TITLES[f.template.kind]}${v}${how}`;
}

/** The report as French text, grouped by file and by sheet; issues come in reading order (see sortIssues). */
export function formatSummary(report: ValidationReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    const status = f.counts.errors > 0 ? plural(f.counts.errors, 'erreur') : 'aucune erreur';
    const warn = f.counts.warnings > 0 ? `, ${plural(f.counts.warnings, 'avertissement')}` : '';
    out.push(`■ ${safe(f.file)} — ${templateLine(f)} — ${plural(f.counts.records, 'retour')} lu${f.counts.records > 1 ? 's' : ''} — ${status}${warn}`);
    const bySheet = new Map<string, ValidationIssue[]>();
    for (const i of f.issues) {
      const key = i.sheet ?? '';
      let list = bySheet.get(key);
      if (!list) bySheet.set(key, (list = []));
      list.push(i);
    }
    for (const [sheet, list] of bySheet) {
      out.push(sheet ? `  Feuille « ${safe(sheet)} » :` : '  Classeur :');
      out.push(`    ${'Cellule'.padEnd(6)} ${'Gravité'.padEnd(13)} ${'Code'.padEnd(CODE_WIDTH)} Message`);
      for (const i of list) out.push(issueLine(i));
    }
    out.push('');
  }
  const s = report.stats;
  out.push(
    `Total : ${plural(s.files, 'fichier')}${s.unreadableFiles ? ` (dont ${plural(s.unreadableFiles, 'illisible')})` : ''}, ${plural(s.rows, 'ligne')} examinée${s.rows > 1 ? 's' : ''}, ${plural(s.records, 'retour')}, ${plural(s.errors, 'erreur')}, ${plural(s.warnings, 'avertissement')} — ${formatNumberFr(s.timeMs)} ms.`,
  );
  out.push(s.errors > 0 ? 'Des erreurs sont à corriger avant la consolidation.' : 'Aucune erreur : les fichiers peuvent être consolidés.');
  return `${out.join('\n')}\n`;
}
