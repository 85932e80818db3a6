/** System errors as French sentences naming the path: never a raw ENOENT or EISDIR for the user. */
const SENTENCES: Readonly<Record<string, (path: string) => string>> = {
  ENOENT: (p) => `« ${p} » est introuvable : vérifiez le chemin.`,
  ENOTDIR: (p) => `« ${p} » : un élément du chemin n'est pas un dossier.`,
  EISDIR: (p) => `« ${p} » est un dossier, pas un fichier.`,
  EACCES: (p) => `« ${p} » : accès refusé, vérifiez les droits sur ce fichier ou ce dossier.`,
  EPERM: (p) => `« ${p} » : opération non permise, vérifiez les droits sur ce fichier ou ce dossier.`,
  EROFS: (p) => `« ${p} » est sur un disque en lecture seule.`,
  ENOSPC: (p) => `« ${p} » : le disque est plein.`,
  EDQUOT: (p) => `« ${p} » : le quota du disque est atteint.`,
  EBUSY: (p) => `« ${p} » est utilisé par une autre application : fermez-le puis recommencez.`,
  EMFILE: (p) => `« ${p} » : trop de fichiers ouverts à la fois, recommencez.`,
  ELOOP: (p) => `« ${p} » : trop de liens symboliques imbriqués (boucle de liens).`,
  ENAMETOOLONG: (p) => `« ${p} » : nom de fichier trop long.`,
  EXDEV: (p) => `« ${p} » : impossible de déplacer le fichier d'un disque à l'autre.`,
};

export function systemErrorSentence(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const sentence = code ? SENTENCES[code] : undefined;
  if (sentence) return sentence(path);
  return `« ${path} » : erreur du système de fichiers${code ? ` (code ${code})` : ''}.`;
}
