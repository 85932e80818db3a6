/** The five kinds of SIAE (structures d'insertion par l'activité économique). */
export const SIAE_KINDS = ['EI', 'ACI', 'AI', 'ETTI', 'EITI'] as const;
export type SiaeKind = (typeof SIAE_KINDS)[number];

export const SIAE_KIND_LABELS: Record<SiaeKind, string> = {
  EI: "Entreprise d'insertion",
  ACI: "Atelier et chantier d'insertion",
  AI: 'Association intermédiaire',
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
};

export function isSiaeKind(value: unknown): value is SiaeKind {
  return typeof value === 'string' && (SIAE_KINDS as readonly string[]).includes(value);
}
