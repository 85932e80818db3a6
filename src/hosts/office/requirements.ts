/**
 * Requirement sets the Office.js host relies on. The manifest declares ExcelApi 1.9 as the
 * minimum, so Excel only offers the add-in where all of these exist; checkRequirements() still
 * checks at run time (an old Excel on Mac, a shared add-in catalogue…) to tell the user in French.
 */

export interface RequirementUse {
  readonly set: 'ExcelApi';
  readonly version: string;
  readonly what: string;
}

/** Every set used, highest first, with what needs it. */
export const REQUIREMENTS: readonly RequirementUse[] = [
  { set: 'ExcelApi', version: '1.9', what: 'surlignage groupé des cellules (RangeAreas, getRanges), mise en page pour impression' },
  { set: 'ExcelApi', version: '1.8', what: 'validation des données (Range.dataValidation)' },
  { set: 'ExcelApi', version: '1.7', what: 'plages par indices (getRangeByIndexes), formules des noms définis, volets figés, séries de graphiques, couleur d’onglet, liens hypertexte (Range.hyperlink)' },
  { set: 'ExcelApi', version: '1.6', what: 'mises en forme conditionnelles' },
  { set: 'ExcelApi', version: '1.4', what: 'noms propres à une feuille (marque des feuilles du complément), getItemOrNullObject, plage utilisée' },
  { set: 'ExcelApi', version: '1.2', what: 'protection des feuilles, formats de cellule' },
  { set: 'ExcelApi', version: '1.1', what: 'feuilles, valeurs, formats de nombre, tableaux, graphiques, noms définis' },
];

/** The highest ExcelApi version the host needs (the manifest's MinVersion). */
export const MIN_EXCEL_API = '1.9';

/** The part of Office the check needs, so tests can pass a fake. */
export interface OfficeLike {
  readonly context: { readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export type RequirementCheck = { ok: true } | { ok: false; missing: readonly RequirementUse[]; message: string };

export function checkRequirements(office: OfficeLike): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => !office.context.requirements.isSetSupported(r.set, r.version));
  if (missing.length === 0) return { ok: true };
  const lines = missing.map((r) => `- ${r.set} ${r.version} : ${r.what}`).join('\n');
  return {
    ok: false,
    missing,
    message:
      `Votre version d'Excel est trop ancienne pour ce complément : il lui faut au moins ExcelApi ${MIN_EXCEL_API} ` +
      `(Excel 2019, Microsoft 365 ou Excel pour le web). Fonctions manquantes :\n${lines}\n` +
      'Mettez Excel à jour, ou utilisez Excel pour le web.',
  };
}
