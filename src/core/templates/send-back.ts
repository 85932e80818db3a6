/**
 * Where a filled template goes back: the issuer, its address and the deadline are settings given
 * when the templates are generated (npm run templates -- --emetteur … --adresse … --date-limite
 * AAAA-MM-JJ, or a JSON settings file). Without them the templates carry a neutral sentence,
 * never a placeholder for someone to fill in.
 */

export interface SendBackSettings {
  /** Who collects the files, e.g. « DDETS de la Seine-Saint-Denis ». */
  readonly emetteur?: string;
  /** Where to send them: a postal or e-mail address, a web form. */
  readonly adresse?: string;
  /** Deadline, ISO date AAAA-MM-JJ. */
  readonly dateLimite?: string;
}

export const NEUTRAL_SEND_BACK = "Renvoyez ce fichier à l'organisme qui vous l'a transmis, à la date qu'il vous a indiquée.";

const MAX_TEXT = 200;

/** Checks settings read from the command line or a file; each problem is one French sentence naming the setting. */
export function checkSendBack(raw: Record<string, unknown>, source: string): { settings: SendBackSettings; errors: string[] } {
  const errors: string[] = [];
  const out: { emetteur?: string; adresse?: string; dateLimite?: string } = {};
  const known = new Set(['emetteur', 'adresse', 'dateLimite']);
  for (const key of Object.keys(raw)) if (!known.has(key)) errors.push(`${source} : réglage « ${key} » inconnu (réglages admis : emetteur, adresse, dateLimite).`);
  for (const key of ['emetteur', 'adresse'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim() === '') errors.push(`${source} : « ${key} » doit être un texte non vide.`);
    else if (v.trim().length > MAX_TEXT) errors.push(`${source} : « ${key} » dépasse ${MAX_TEXT} caractères.`);
    else out[key] = v.trim().replace(/\s+/g, ' ');
  }
  const d = raw['dateLimite'];
  if (d !== undefined) {
    const m = typeof d === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.trim()) : null;
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
      errors.push(`${source} : date limite « ${String(d)} » invalide, attendu une date AAAA-MM-JJ (ex. 2027-03-31).`);
    } else out.dateLimite = m[0];
  }
  return { settings: out, errors };
}

/** 2027-03-31 → 31/03/2027. */
function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The sentence telling where and when to send the filled file back. */
export function sendBackSentence(s: SendBackSettings = {}): string {
  if (!s.emetteur && !s.adresse && !s.dateLimite) return NEUTRAL_SEND_BACK;
  const to = s.emetteur
    ? s.adresse
      ? `${s.emetteur} (${s.adresse})`
      : s.emetteur
    : s.adresse
      ? `l'adresse ${s.adresse}`
      : "l'organisme qui vous l'a transmis";
  const when = s.dateLimite ? `au plus tard le ${frenchDate(s.dateLimite)}` : "à la date qu'il vous a indiquée";
  return `Renvoyez ce fichier à ${to}, ${when}.`;
}
