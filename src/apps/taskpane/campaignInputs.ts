/**
 * The campaign's optional inputs of the Consolider tab (issue 14), read at the engine's input
 * boundary: the référentiel des SIAE, the ASP annual extract and last year's consolidation. Each
 * one is optional and independent: a file that cannot be used gets a French notice naming it,
 * and the consolidation goes on without it.
 */
import { readAspExtract, type AspExtract } from '../../core/asp/index.js';
import type { ReferenceInput, Referentiel } from '../../core/campaign/index.js';
import { referentielFromInput } from '../../core/run/index.js';
import { DEFAULT_SETTINGS } from '../../schema/index.js';
import type { GridWorkbook } from '../../core/grid.js';
import { readReference } from '../../core/evolution/index.js';
import type { CampaignFiles, CampaignNotice, CampaignSlot, PickedFile } from './ports.js';

export interface CampaignInputs {
  readonly referentiel?: Referentiel;
  readonly asp?: AspExtract;
  readonly reference?: ReferenceInput;
  readonly notices: readonly CampaignNotice[];
}

/** What each input is called in the pane, for the notices. */
export const CAMPAIGN_LABELS: Readonly<Record<CampaignSlot, string>> = {
  referentiel: 'Référentiel des SIAE',
  asp: 'Extrait ASP',
  reference: 'Consolidation de l\u2019an dernier',
};

/**
 * THE référentiel reader of the pane: the campaign's own (our template, an ASP extract, a
 * consolidated workbook's retained returns), as `--referentiel` reads it. Throws a French
 * message when the workbook holds no list of SIAE it recognises.
 */
export function readReferentielBook(book: GridWorkbook): Referentiel {
  const r = referentielFromInput(book, DEFAULT_SETTINGS);
  if (r.entries.length === 0 && r.issues.some((i) => i.code === 'unknown-template' || i.code === 'unreadable-file')) throw new Error(r.issues[0]!.message);
  return r;
}

/**
 * Why a workbook cannot be last year's consolidation (French, naming the file), or undefined:
 * the evolution module's own reader decides, as in the CLI. The run still refuses a reference
 * of the same or a later year, in its problems.
 */
export function referenceRefusal(reference: ReferenceInput): string | undefined {
  const reading = readReference(reference);
  return reading.ok ? undefined : reading.message;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

/**
 * Reads the picked inputs. `read` turns a file into a grid and throws a French message naming
 * it when it cannot (the engine's own reader).
 */
export function readCampaignInputs(files: CampaignFiles | undefined, read: (file: PickedFile) => GridWorkbook): CampaignInputs {
  const notices: CampaignNotice[] = [];
  const out: { referentiel?: Referentiel; asp?: AspExtract; reference?: ReferenceInput } = {};
  const skip = (slot: CampaignSlot, text: string) => notices.push({ slot, kind: 'erreur', text: `${CAMPAIGN_LABELS[slot]} : ${text}` });
  const take = (slot: CampaignSlot, text: string) => notices.push({ slot, kind: 'info', text: `${CAMPAIGN_LABELS[slot]} : ${text}` });
  const open = (slot: CampaignSlot, file: PickedFile): GridWorkbook | undefined => {
    try {
      return read(file);
    } catch (e) {
      skip(slot, `${e instanceof Error ? e.message : String(e)} La consolidation continue sans ce fichier.`);
      return undefined;
    }
  };

  const referentielFile = files?.referentiel;
  const referentielBook = referentielFile && open('referentiel', referentielFile);
  if (referentielFile && referentielBook) {
    try {
      const r = readReferentielBook(referentielBook);
      out.referentiel = r;
      take('referentiel', `« ${referentielFile.name} », ${plural(r.entries.length, 'SIAE attendue', 'SIAE attendues')}${r.issues.length > 0 ? ` (${plural(r.issues.length, 'anomalie', 'anomalies')})` : ''}.`);
    } catch (e) {
      skip('referentiel', `${e instanceof Error ? e.message : String(e)} La consolidation continue sans référentiel.`);
    }
  }

  const aspFile = files?.asp;
  const aspBook = aspFile && open('asp', aspFile);
  if (aspFile && aspBook) {
    const x = readAspExtract(aspBook);
    if (x) {
      out.asp = x;
      take('asp', `« ${aspFile.name} », ${plural(x.rows.length, 'ligne lue', 'lignes lues')} (feuille « ${x.sheet} »)${x.issues.length > 0 ? `, ${plural(x.issues.length, 'anomalie', 'anomalies')}` : ''}.`);
    } else {
      skip('asp', `${aspFile.name} : ce classeur n\u2019est pas un extrait ASP reconnu (aucune ligne d\u2019en-têtes « Année », « SIRET », « Nombre total des salariés en insertion »…). La consolidation continue sans rapprochement.`);
    }
  }

  const referenceFile = files?.reference;
  const referenceBook = referenceFile && open('reference', referenceFile);
  if (referenceFile && referenceBook) {
    const reference: ReferenceInput = { file: referenceFile.name, book: referenceBook };
    const refusal = referenceRefusal(reference);
    if (refusal === undefined) {
      out.reference = reference;
      take('reference', `« ${referenceFile.name} » pris comme année de comparaison.`);
    } else skip('reference', `${refusal} La consolidation continue sans comparaison avec l\u2019an dernier.`);
  }
  return { ...out, notices };
}
