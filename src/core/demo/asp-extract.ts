/**
 * The ASP annual extract of the demo region, derived from the demo's returns: the columns of
 * the real file (shared/DOMAIN.md, headers as the ASP writes them), one row per annexe. Most
 * SIAE agree with their return; a few differ beyond the tolerances, a few within, a few are
 * filed by the ASP under another SIRET (paired by annexe), a few returns have no row and a few
 * rows have no return — so that « Rapprochement ASP » has something to show. The returns are
 * untouched: this only reads them.
 */
import { departementByCode, regionName, type SiaeReturn } from '../../schema/index.js';
import { ASP_COLUMNS, type AspField } from '../asp/index.js';
import type { CellModel, WorkbookModel } from '../workbook-model.js';
import type { DemoRegion } from './generate.js';
import { intBetween, mulberry32 } from './prng.js';
import { randomSiret } from './siret.js';

/** Which demo SIAE (by index) the extract treats apart; plain rules, easy to check. */
const ABSENT = (i: number) => i % 50 === 7;
const DIFFERING = (i: number) => i % 40 === 3;
const SLIGHTLY_OFF = (i: number) => i % 30 === 1;
const OTHER_SIRET = (i: number) => i % 60 === 11;
const ASP_ONLY = 5;

/** A staff column of the real file: not an insertion figure, the reader leaves it alone. */
const STAFF_HEADER = "0 - Salariés permanents en charge de l'encadrement (heures)";

export interface DemoAspExtract {
  readonly model: WorkbookModel;
  /** SIRETs of the demo's returns the extract does not hold, differs on, or files under another SIRET. */
  readonly absent: readonly string[];
  readonly differing: readonly string[];
  readonly otherSiret: readonly string[];
  /** SIRETs of the rows no return matches. */
  readonly aspOnly: readonly string[];
}


/** « ACI075130001A0M0 » as the ASP writes it: « ACI 075 13 0001 A0M0 ». */
function spacedAnnexe(af: string): string {
  const m = /^([A-Z]+)(\d{3}|0?2[AB])(\d{2})(\d{4})(.*)$/.exec(af);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}`.trim() : af;
}

type Line = Partial<Record<AspField, string | number>>;

function lineOf(v: SiaeReturn, annee: number, region: string): Line {
  const women = v.femmes ?? 0;
  const low = v.bas_niveau_qualification;
  const cap = low === undefined ? undefined : Math.floor(low * 0.45);
  const examined = v.sorties_emploi_durable + v.sorties_emploi_transition + v.sorties_positives + v.autres_sorties;
  return {
    annee,
    mesure: v.type_siae,
    ...(v.annexe_financiere ? { annexe_financiere: spacedAnnexe(v.annexe_financiere) } : {}),
    siret: v.siret,
    denomination: v.raison_sociale.toUpperCase(),
    departement_libelle: departementByCode(v.departement)?.nom ?? v.departement,
    region,
    personnes: v.personnes,
    hommes: v.personnes - women,
    ...(v.femmes !== undefined ? { femmes: v.femmes } : {}),
    rsa: v.rsa,
    ...(v.ass !== undefined ? { ass: v.ass } : {}),
    ...(v.aah !== undefined ? { aah: v.aah } : {}),
    travailleurs_handicapes: v.travailleurs_handicapes,
    ...(v.residents_zrr !== undefined ? { residents_zrr: v.residents_zrr } : {}),
    residents_qpv: v.residents_qpv,
    moins_26_ans: v.moins_26_ans,
    plus_50_ans: v.plus_50_ans,
    deld: v.deld,
    detld: v.detld,
    ...(low !== undefined && cap !== undefined ? { niveau_cap_bep: cap, qualifications_non_certifiantes: 0, niveau_infra_cap: low - cap } : {}),
    // The column is named for AI, ETTI and EITI: left blank for the others, as the ASP does.
    ...(v.type_siae === 'AI' || v.type_siae === 'ETTI' || v.type_siae === 'EITI' ? { sorties_examinees: examined } : {}),
    sorties_emploi_durable: v.sorties_emploi_durable,
    sorties_emploi_transition: v.sorties_emploi_transition,
    sorties_positives: v.sorties_positives,
  };
}

export function demoAspExtract(region: DemoRegion, regionCode = '11'): DemoAspExtract {
  const rng = mulberry32(0xa5b);
  const taken = new Set(region.siae.map((s) => s.values.siret));
  const regionLabel = regionName(regionCode);
  const yy = String(region.annee % 100).padStart(2, '0');
  const lines: (Line & { staff?: number })[] = [];
  const absent: string[] = [];
  const differing: string[] = [];
  const otherSiret: string[] = [];
  region.siae.forEach((s, i) => {
    const v = s.values;
    if (ABSENT(i)) {
      absent.push(v.siret);
      return;
    }
    const line: Line & { staff?: number } = { ...lineOf(v, region.annee, regionLabel), staff: 1607 + (i % 5) * 400 };
    if (DIFFERING(i)) {
      // Beyond both tolerances: people not yet entered on one side, a few exits classed otherwise.
      differing.push(v.siret);
      line.personnes = v.personnes + 3 + Math.ceil(v.personnes * 0.08);
      line.hommes = (line.personnes as number) - (v.femmes ?? 0);
      line.sorties_emploi_durable = v.sorties_emploi_durable + 3;
    } else if (SLIGHTLY_OFF(i)) {
      line.personnes = v.personnes + 1;
      line.hommes = v.personnes + 1 - (v.femmes ?? 0);
    }
    if (OTHER_SIRET(i)) {
      otherSiret.push(v.siret);
      line.siret = randomSiret(rng, taken);
    }
    lines.push(line);
  });
  const aspOnly: string[] = [];
  const deps = ['75', '93', '77', '95', '91'];
  for (let k = 0; k < ASP_ONLY; k++) {
    const dep = deps[k % deps.length]!;
    const people = intBetween(rng, 12, 60);
    const s = randomSiret(rng, taken);
    aspOnly.push(s);
    lines.push({
      annee: region.annee,
      mesure: 'ACI',
      annexe_financiere: `ACI 0${dep} ${yy} 9${String(k).padStart(3, '0')} A0M0`,
      siret: s,
      denomination: `STRUCTURE CONVENTIONNÉE SANS RETOUR ${k + 1}`,
      departement_libelle: departementByCode(dep)?.nom ?? dep,
      region: regionLabel,
      personnes: people,
      hommes: people - Math.floor(people / 3),
      femmes: Math.floor(people / 3),
      rsa: Math.floor(people / 2),
      residents_qpv: Math.floor(people / 3),
      sorties_emploi_durable: 2,
      sorties_emploi_transition: 3,
      sorties_positives: 1,
      staff: 1607,
    });
  }

  const headers: { header: string; field: AspField | 'staff' }[] = [...ASP_COLUMNS.map((c) => ({ header: c.header, field: c.field as AspField | 'staff' })), { header: STAFF_HEADER, field: 'staff' }];
  const cells: CellModel[] = headers.map((h, c) => ({ row: 1, col: c + 1, value: h.header, style: { bold: true } }));
  lines.forEach((line, r) => {
    headers.forEach((h, c) => {
      const v = (line as Record<string, string | number | undefined>)[h.field];
      if (v !== undefined) cells.push({ row: r + 2, col: c + 1, value: v });
    });
  });
  return {
    model: {
      sheets: [{ name: 'BenefSorties', columns: headers.map((h) => ({ width: Math.min(40, Math.max(10, h.header.length * 0.6)) })), cells, freeze: { rows: 1, cols: 0 } }],
      properties: { title: `Extraction ASP (démonstration) ${region.annee}`, subject: 'Bénéficiaires et sorties par annexe financière', creator: 'Indicateurs IAE (démonstration)' },
    },
    absent,
    differing,
    otherSiret,
    aspOnly,
  };
}
