/** The package-level parts: workbook, relationships, content types, document properties. */
import type { DefinedNameModel, SheetModel, WorkbookModel } from '../../../core/workbook-model';
import type { Relationship } from './sheet-xml';
import { xmlEscape } from './xml-text';

const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Fixed document dates: the same model must give the same bytes. */
export const DOCUMENT_DATE = new Date('2020-01-01T00:00:00Z');

export function relsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `${HEADER}<Relationships xmlns="${NS_PKG_R}">${items.join('')}</Relationships>`;
}

export const ROOT_RELS = relsXml([
  { type: `${NS_R}/officeDocument`, target: 'xl/workbook.xml' },
  { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
  { type: `${NS_R}/extended-properties`, target: 'docProps/app.xml' },
]);

/** Relationships of workbook.xml: sheets first (rId1…rIdN), then styles, theme, shared strings. */
export function workbookRels(sheetCount: number): string {
  const rels: Relationship[] = [];
  for (let i = 1; i <= sheetCount; i++) rels.push({ type: `${NS_R}/worksheet`, target: `worksheets/sheet${i}.xml` });
  rels.push({ type: `${NS_R}/styles`, target: 'styles.xml' }, { type: `${NS_R}/theme`, target: 'theme/theme1.xml' }, { type: `${NS_R}/sharedStrings`, target: 'sharedStrings.xml' });
  return relsXml(rels);
}

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function definedNamesXml(sheets: readonly SheetModel[], names: readonly DefinedNameModel[]): string {
  const out: string[] = [];
  sheets.forEach((s, i) => {
    // Columns then rows, as Excel writes them: 'Feuille'!$A:$B,'Feuille'!$1:$3.
    const refs: string[] = [];
    const cols = s.print?.titleColumns;
    if (cols) {
      const m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(cols.trim());
      if (!m) throw new Error(`Colonnes à répéter à l'impression invalides « ${cols} » (feuille « ${s.name} ») : attendu par exemple A:B.`);
      refs.push(`${quotedSheet(s.name)}!$${m[1]!.toUpperCase()}:$${m[2]!.toUpperCase()}`);
    }
    const rows = s.print?.titleRows;
    if (rows) {
      const m = /^\$?([0-9]+):\$?([0-9]+)$/.exec(rows.trim());
      if (!m) throw new Error(`Lignes à répéter à l'impression invalides « ${rows} » (feuille « ${s.name} ») : attendu par exemple 1:3.`);
      refs.push(`${quotedSheet(s.name)}!$${m[1]}:$${m[2]}`);
    }
    if (refs.length > 0) out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(refs.join(','))}</definedName>`);
  });
  const seen = new Set<string>();
  for (const n of names) {
    if (!NAME_RE.test(n.name) || /^[A-Za-z]{1,3}[0-9]+$/.test(n.name) || /^[RrCc]$/.test(n.name)) throw new Error(`Nom défini invalide « ${n.name} ».`);
    const lower = n.name.toLowerCase();
    if (seen.has(lower)) throw new Error(`Nom défini en double « ${n.name} ».`);
    seen.add(lower);
    out.push(`<definedName name="${xmlEscape(n.name)}">${xmlEscape(n.ref.replace(/^=/, ''))}</definedName>`);
  }
  return out.length ? `<definedNames>${out.join('')}</definedNames>` : '';
}

export function workbookXml(model: WorkbookModel, activeTab: number): string {
  const sheets = model.sheets.map((s, i) => {
    const state = s.visibility && s.visibility !== 'visible' ? ` state="${s.visibility}"` : '';
    return `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  return (
    HEADER +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    `<bookViews><workbookView${activeTab ? ` firstSheet="${activeTab}" activeTab="${activeTab}"` : ''}/></bookViews>` +
    `<sheets>${sheets.join('')}</sheets>` +
    definedNamesXml(model.sheets, model.definedNames ?? []) +
    // An old calcId makes Excel recalculate on open: helper formulas have no cached results.
    '<calcPr calcId="171027"/></workbook>'
  );
}

export function contentTypesXml(paths: readonly string[], overrides: ReadonlyMap<string, string>): string {
  const items = paths
    .filter((p) => overrides.has(p))
    .map((p) => `<Override PartName="/${xmlEscape(p)}" ContentType="${overrides.get(p)}"/>`);
  return (
    HEADER +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `${items.join('')}</Types>`
  );
}

export function corePropsXml(model: WorkbookModel): string {
  const p = model.properties ?? {};
  const date = DOCUMENT_DATE.toISOString().replace(/\.000Z$/, 'Z');
  return (
    HEADER +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (p.title !== undefined ? `<dc:title>${xmlEscape(p.title)}</dc:title>` : '') +
    (p.subject !== undefined ? `<dc:subject>${xmlEscape(p.subject)}</dc:subject>` : '') +
    `<dc:creator>${xmlEscape(p.creator ?? '')}</dc:creator><cp:lastModifiedBy>${xmlEscape(p.creator ?? '')}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appPropsXml(model: WorkbookModel): string {
  const n = model.sheets.length;
  return (
    HEADER +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Indicateurs IAE</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${model.sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}
