/**
 * What the spec says of its own publication and of the collection campaign: settings of whoever
 * hands the document to networks, with neutral defaults (never a placeholder to fill by hand).
 */
export interface PublicationSettings {
  /** Who issues the spec. */
  issuer: string;
  /** Status of the document (projet, version validée…). */
  status: string;
  /** Period the returns cover. */
  period: string;
  /** When and to whom returns are sent. */
  deadline: string;
  /**
   * The boundary between durable and transition employment: « plus de 6 mois » (2008 circular)
   * or « au moins 6 mois » (DARES). A setting, since the two official texts differ.
   */
  durableEmploymentBoundary: string;
}

export const DEFAULT_PUBLICATION: PublicationSettings = {
  issuer: "Les services de l'État en région et les réseaux de l'IAE qui diffusent ce document",
  status: 'Document de référence, diffusé avec les modèles de retour',
  period: "l'année civile écoulée (du 1er janvier au 31 décembre), sauf indication contraire de l'émetteur",
  deadline: "la date et l'adresse d'envoi sont communiquées par le réseau ou le CDIAE qui collecte les retours",
  durableEmploymentBoundary: 'au moins 6 mois',
};
