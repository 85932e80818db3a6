import type { AuditEntry } from './audit.js';

/** Raised instead of building a public version that the audit does not prove safe. */
export class DiffusionRefusedError extends Error {
  readonly code = 'diffusion_refusee';
  constructor(readonly failures: readonly AuditEntry[]) {
    const first = failures[0];
    const where = first
      ? ` Premier cas : tableau « ${first.table} », ligne « ${first.row} », colonne « ${first.col} » : valeur située entre ${first.lower} et ${first.upper ?? 'l\'infini'} (écart requis : ${first.required}).`
      : '';
    super(
      `Version diffusable refusée : ${failures.length} cellule(s) masquée(s) pourraient être recalculées, à moins que l'intervalle de protection près, à partir des chiffres publiés.${where} Aucun fichier public n'a été produit.`,
    );
    this.name = 'DiffusionRefusedError';
  }
}

/** Throws DiffusionRefusedError when any hidden cell's range is narrower than required. */
export function assertAuditPasses(entries: readonly AuditEntry[]): void {
  const failures = entries.filter((e) => !e.ok);
  if (failures.length > 0) throw new DiffusionRefusedError(failures);
}
