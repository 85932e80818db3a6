import { SCHEMA_VERSION, type Settings } from '../../schema/index.js';
import { sheetRef } from '../a1.js';
import { META_SHEET, NAME_REGION_CODE, NAME_SCHEMA_VERSION, NAME_TEMPLATE_KIND, type TemplateKind } from '../template-layout.js';
import type { DefinedNameModel, SheetModel } from '../workbook-model.js';

/** Rows of the metadata sheet: a label in A, the value in B, and the defined name pointing at B. */
const META_ROWS = [
  { row: 1, label: 'Modèle', name: NAME_TEMPLATE_KIND },
  { row: 2, label: 'Version du schéma', name: NAME_SCHEMA_VERSION },
  { row: 3, label: 'Région (code INSEE)', name: NAME_REGION_CODE },
] as const;

/**
 * The very hidden sheet that tells readers which template (and which schema version) a file
 * comes from: users do not see it in the "Afficher" menu, so they cannot break it by accident.
 */
export function metaSheet(kind: TemplateKind, settings: Settings): SheetModel {
  const values: Record<(typeof META_ROWS)[number]['name'], string> = {
    [NAME_TEMPLATE_KIND]: kind,
    [NAME_SCHEMA_VERSION]: SCHEMA_VERSION,
    [NAME_REGION_CODE]: settings.regionCode,
  };
  return {
    name: META_SHEET,
    visibility: 'veryHidden',
    columns: [{ width: 22 }, { width: 14 }],
    cells: META_ROWS.flatMap((m) => [
      { row: m.row, col: 1, value: m.label },
      { row: m.row, col: 2, value: values[m.name], style: { numFmt: '@' } },
    ]),
    protection: { enabled: true },
  };
}

export function metaDefinedNames(): DefinedNameModel[] {
  return META_ROWS.map((m) => ({ name: m.name, ref: sheetRef(META_SHEET, { top: m.row, left: 2, bottom: m.row, right: 2 }) }));
}
