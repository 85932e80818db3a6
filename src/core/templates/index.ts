/** Templates built from the schema alone: pure WorkbookModels, rendered by the hosts. */
import type { Settings } from '../../schema/index.js';
import type { TemplateKind } from '../template-layout.js';
import type { WorkbookModel } from '../workbook-model.js';
import { buildNetworkTemplate } from './network.js';
import { buildPlanTemplate } from './plan.js';
import type { SendBackSettings } from './send-back.js';
import { buildReferentielTemplate } from './referentiel.js';
import { buildSiaeTemplate } from './siae-form.js';

export { buildNetworkTemplate, NETWORK_LAYOUT, networkColumn } from './network.js';
export { buildPlanTemplate, measurableObjectives, indicatorsByObjective, planTemplateRows, planWorkbook, PLAN_HEADER_ROW, type PlanRow } from './plan.js';
export { buildReferentielTemplate, fillReferentiel, referentielHeader, REFERENTIEL_LAYOUT, type ReferentielRow } from './referentiel.js';
export { PLAN_EXAMPLES, type PlanExample } from './plan-examples.js';
export { buildSiaeTemplate, FORM_COLS, siaeFormLayout, type SiaeFormLayout } from './siae-form.js';
export { SIAE_HELPERS, NOT_APPLICABLE, HELPER_ETP_FROM_HOURS, HELPER_SECTOR_GAP, HELPER_SECTOR_TOTAL, type HelperDef, type HelperValue } from './siae-helpers.js';
export { fillNetworkTable, fillSiaeForm, withCellValues, asPartialReturn, type TypedReturn, type TypedValue, type SenderValues } from './fill.js';
export { checkSendBack, NEUTRAL_SEND_BACK, sendBackSentence, type SendBackSettings } from './send-back.js';
export { measurableEntries, collectedEntries, INDICATOR_LIST_FIRST_ROW } from './indicator-list.js';

/** A template; `sendBack` says where and when to return it (a neutral sentence without it). */
export function buildTemplate(kind: TemplateKind, settings: Settings, sendBack: SendBackSettings = {}): WorkbookModel {
  switch (kind) {
    case 'siae':
      return buildSiaeTemplate(settings, sendBack);
    case 'reseau':
      return buildNetworkTemplate(settings, sendBack);
    case 'plan':
      return buildPlanTemplate(settings, sendBack);
    case 'referentiel':
      return buildReferentielTemplate(settings, sendBack);
  }
}
