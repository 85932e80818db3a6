/**
 * A référentiel named explicitly (--referentiel, the pane's input): whatever the file is, the
 * list of expected SIAE it gives — our template (or a list with the same headers), the ASP
 * extract, one of our consolidated workbooks (its retained returns), or last year's returns
 * (checked, then the retained ones).
 */
import { readAspExtract } from '../asp/index.js';
import { readReferentiel, referentielFromAsp, referentielFromConsolidated, referentielFromReturns, type Referentiel } from '../campaign/index.js';
import { consolidate } from '../consolidate/index.js';
import type { GridWorkbook } from '../grid.js';
import { validateWorkbooks } from '../validate/run.js';
import type { Settings } from '../../schema/index.js';
import { classifyInput } from './classify-input.js';

export function referentielFromInput(book: GridWorkbook, settings: Settings, file: string = book.source): Referentiel {
  const kind = classifyInput(book);
  const empty = (message: string): Referentiel => ({ file, origin: 'modele', entries: [], issues: [{ code: 'unknown-template', severity: 'erreur', file, message }] });
  switch (kind) {
    case 'referentiel':
      return readReferentiel(book, settings, file) ?? empty(`Référentiel « ${file} » : la liste des SIAE attendues est introuvable.`);
    case 'asp': {
      const extract = readAspExtract(book);
      return extract ? { ...referentielFromAsp({ ...extract, file }, settings), file } : empty(`Référentiel « ${file} » : extraction ASP illisible.`);
    }
    case 'consolide':
      return referentielFromConsolidated(book, settings, file) ?? empty(`Référentiel « ${file} » : ce classeur consolidé n'a pas de tableau des retours retenus.`);
    case 'plan':
      return empty(`Référentiel « ${file} » : ce fichier est un plan d'actions, pas une liste de SIAE attendues (modèle « Référentiel des SIAE », extraction ASP ou retours de l'an passé).`);
    case 'retour': {
      const report = validateWorkbooks([book], settings);
      const result = consolidate({ records: report.files.flatMap((f) => f.records), issues: report.files.flatMap((f) => f.issues), files: report.files.map((f) => f.file) });
      if (result.kept.length === 0) return empty(`Référentiel « ${file} » : ni modèle de référentiel, ni extraction ASP, ni retour retenu : aucune SIAE attendue n'en est tirée.`);
      return referentielFromReturns(result.kept, file, settings);
    }
  }
}
