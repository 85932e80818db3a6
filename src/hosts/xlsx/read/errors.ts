/**
 * Why a file could not be read, with a French message that names the file and says what to
 * do. The `code` is the validation issue code the core reports ('unreadable-file').
 */

export type XlsxReadReason =
  | 'vide'
  | 'pas-un-zip'
  | 'chiffre'
  | 'xls-ancien'
  | 'csv'
  | 'corrompu'
  | 'trop-volumineux'
  | 'pas-un-classeur'
  // Only from readXlsxFile (Node): the file system refused the file.
  | 'introuvable'
  | 'inaccessible';

const RESAVE = 'Ouvrez-le dans Excel puis « Enregistrer sous » au format « Classeur Excel (*.xlsx) », et recommencez.';

/** The user-facing message of each reason; `detail` completes it where the reason needs it. */
export function readErrorMessage(source: string, reason: XlsxReadReason, detail?: string): string {
  const d = detail ? ` ${detail}` : '';
  switch (reason) {
    case 'vide':
      return `${source} : ce fichier est vide (0 octet). Vérifiez que vous avez choisi le bon fichier ou enregistrez-le de nouveau depuis Excel.`;
    case 'pas-un-zip':
      return `${source} : ce fichier n'est pas un classeur Excel (.xlsx) : son contenu n'est pas reconnu.${d} ${RESAVE}`;
    case 'chiffre':
      return `${source} : ce fichier est protégé par un mot de passe (chiffré). Enregistrez-en une copie sans mot de passe puis recommencez.`;
    case 'xls-ancien':
      return `${source} : ce fichier est au format Excel 97-2003 (.xls), qui n'est pas pris en charge. ${RESAVE}`;
    case 'csv':
      return `${source} : ce fichier est un fichier texte (CSV ou similaire), pas un classeur Excel. ${RESAVE}`;
    case 'corrompu':
      return `${source} : ce fichier est endommagé et ne peut pas être lu${detail ? ` (${detail})` : ''}. Ouvrez-le dans Excel, qui proposera de le réparer, puis enregistrez-le de nouveau.`;
    case 'trop-volumineux':
      return `${source} : ce fichier est trop volumineux pour être lu :${d}`;
    case 'pas-un-classeur':
      return `${source} : ce fichier n'est pas un classeur Excel${detail ? ` : ${detail}` : '.'}`;
    case 'introuvable':
      return `${source} : fichier introuvable. Vérifiez le nom et le dossier du fichier.`;
    case 'inaccessible':
      return `${source} : ce fichier ne peut pas être ouvert${detail ? ` (${detail})` : ''}.`;
  }
}

export class XlsxReadError extends Error {
  readonly code = 'unreadable-file' as const;
  override readonly name = 'XlsxReadError';

  constructor(
    /** The file name, as given to readXlsx. */
    readonly source: string,
    readonly reason: XlsxReadReason,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(readErrorMessage(source, reason, detail), options);
  }
}
