/**
 * Post-processing of the xlsx package ExcelJS produced: what ExcelJS cannot write (charts,
 * constant defined names, clean internal hyperlinks), then a deterministic re-zip so the same
 * model always gives the same bytes (templates are committed and compared).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { DefinedNameModel, SheetModel } from '../../../core/workbook-model';
import { chartXml, drawingXml } from './chart-xml';
import { xmlEscape } from './xml-text';

export type Parts = Record<string, Uint8Array>;

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${REL_NS}/drawing`;
const REL_CHART = `${REL_NS}/chart`;
const REL_HYPERLINK = `${REL_NS}/hyperlink`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

export function unzipParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

function text(parts: Parts, path: string): string {
  const p = parts[path];
  if (!p) throw new Error(`Partie ${path} absente du classeur produit.`);
  return strFromU8(p);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

const unescapeXml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Sheet name → worksheet part path, from workbook.xml and its relationships. */
export function sheetParts(parts: Parts): Map<string, string> {
  const wb = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const target = targets.get(attr(m[0], 'r:id') ?? '');
    if (name !== undefined && target) out.set(unescapeXml(name), target);
  }
  return out;
}

const relsPath = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Adds a relationship with a fresh id; returns the id. */
function addRel(parts: Parts, part: string, type: string, target: string): string {
  const path = relsPath(part);
  const xml = parts[path] ? strFromU8(parts[path]) : emptyRels();
  const used = [...xml.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${used.reduce((a, b) => Math.max(a, b), 0) + 1}`;
  parts[path] = strToU8(xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

function addOverride(parts: Parts, partName: string, contentType: string): void {
  const xml = text(parts, '[Content_Types].xml');
  parts['[Content_Types].xml'] = strToU8(xml.replace('</Types>', `<Override PartName="/${partName}" ContentType="${contentType}"/></Types>`));
}

/** Elements that follow <drawing> in CT_Worksheet, in schema order. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertDrawingElement(sheetXml: string, rId: string): string {
  const element = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

function nextIndex(parts: Parts, re: RegExp): number {
  const used = Object.keys(parts)
    .map((p) => re.exec(p)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return used.reduce((a, b) => Math.max(a, b), 0) + 1;
}

export function addCharts(parts: Parts, sheets: readonly SheetModel[]): void {
  const paths = sheetParts(parts);
  let chartNo = nextIndex(parts, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = nextIndex(parts, /^xl\/drawings\/drawing(\d+)\.xml$/);
  for (const sheet of sheets) {
    const charts = sheet.charts ?? [];
    if (charts.length === 0) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) throw new Error(`Feuille « ${sheet.name} » introuvable dans le classeur produit.`);
    const drawingPath = `xl/drawings/drawing${drawingNo++}.xml`;
    parts[drawingPath] = strToU8(drawingXml(sheet.name, charts));
    addOverride(parts, drawingPath, CT_DRAWING);
    charts.forEach((chart) => {
      const chartPath = `xl/charts/chart${chartNo++}.xml`;
      parts[chartPath] = strToU8(chartXml(sheet.name, chart));
      addOverride(parts, chartPath, CT_CHART);
      addRel(parts, drawingPath, REL_CHART, `../charts/${chartPath.split('/').pop()}`);
    });
    const rId = addRel(parts, sheetPath, REL_DRAWING, `../drawings/${drawingPath.split('/').pop()}`);
    parts[sheetPath] = strToU8(insertDrawingElement(text(parts, sheetPath), rId));
  }
}

/**
 * ExcelJS writes internal links with both `location` and an external relationship whose target
 * is the sheet reference; Excel wants `location` alone. Drop the relationship.
 */
export function fixInternalHyperlinks(parts: Parts): void {
  for (const sheetPath of sheetParts(parts).values()) {
    let xml = text(parts, sheetPath);
    const dropped: string[] = [];
    xml = xml.replace(/<hyperlink\b[^>]*>/g, (tag) => {
      const rId = attr(tag, 'r:id');
      if (attr(tag, 'location') === undefined || !rId) return tag;
      dropped.push(rId);
      return tag.replace(/\sr:id="[^"]*"/, '');
    });
    if (dropped.length === 0) continue;
    parts[sheetPath] = strToU8(xml);
    const rp = relsPath(sheetPath);
    parts[rp] = strToU8(
      text(parts, rp).replace(/<Relationship\b[^>]*\/>/g, (rel) =>
        dropped.includes(attr(rel, 'Id') ?? '') && attr(rel, 'Type') === REL_HYPERLINK ? '' : rel,
      ),
    );
  }
}

/**
 * ExcelJS writes containsText rules with their formula only; Excel writes (and its rule editor
 * reads) operator and text too. The text is recovered from the SEARCH("…",A1) formula.
 */
export function completeContainsTextRules(parts: Parts): void {
  for (const sheetPath of sheetParts(parts).values()) {
    const xml = text(parts, sheetPath);
    const fixed = xml.replace(
      /<cfRule type="containsText"([^>]*)><formula>NOT\(ISERROR\(SEARCH\(&quot;([^<]*)&quot;,([A-Z]+[0-9]+)\)\)\)<\/formula>/g,
      (whole, attrs: string, escaped: string) => {
        if (/\stext="/.test(attrs)) return whole;
        const searched = escaped.replace(/&quot;&quot;/g, '&quot;');
        const operator = /\soperator="/.test(attrs) ? '' : ' operator="containsText"';
        return whole.replace(`<cfRule type="containsText"${attrs}>`, `<cfRule type="containsText"${attrs}${operator} text="${searched}">`);
      },
    );
    if (fixed !== xml) parts[sheetPath] = strToU8(fixed);
  }
}

/** Widens validations written on their first range to all their ranges (see SqrefFix). */
export function widenValidationRanges(parts: Parts, fixes: ReadonlyMap<string, readonly { first: string; sqref: string }[]>): void {
  const paths = sheetParts(parts);
  for (const [sheetName, list] of fixes) {
    if (list.length === 0) continue;
    const path = paths.get(sheetName)!;
    let xml = text(parts, path);
    for (const { first, sqref } of list) {
      const before = xml;
      xml = xml.replace(new RegExp(`(<dataValidation\\b[^>]*\\ssqref=")${first}(")`), `$1${sqref}$2`);
      if (xml === before) throw new Error(`Validation de la plage ${first} introuvable (feuille « ${sheetName} »).`);
    }
    parts[path] = strToU8(xml);
  }
}

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** Workbook-level names, references or constants (ExcelJS only writes cell ranges). */
export function addDefinedNames(parts: Parts, names: readonly DefinedNameModel[]): void {
  if (names.length === 0) return;
  let xml = text(parts, 'xl/workbook.xml');
  const existing = new Set([...xml.matchAll(/<definedName\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]!.toLowerCase()));
  const seen = new Set<string>();
  const elements = names
    .map((n) => {
      if (!NAME_RE.test(n.name) || /^[A-Za-z]{1,3}[0-9]+$/.test(n.name)) throw new Error(`Nom défini invalide « ${n.name} ».`);
      const lower = n.name.toLowerCase();
      if (seen.has(lower) || existing.has(lower)) throw new Error(`Nom défini en double « ${n.name} ».`);
      seen.add(lower);
      return `<definedName name="${xmlEscape(n.name)}">${xmlEscape(n.ref.replace(/^=/, ''))}</definedName>`;
    })
    .join('');
  xml = xml.includes('</definedNames>')
    ? xml.replace('</definedNames>', `${elements}</definedNames>`)
    : xml.replace(/<definedNames\/>|<\/sheets>/, (m) => (m === '</sheets>' ? `</sheets><definedNames>${elements}</definedNames>` : `<definedNames>${elements}</definedNames>`));
  parts['xl/workbook.xml'] = strToU8(xml);
}

/**
 * Re-zips in sorted order with a fixed timestamp. The date is built from local components
 * because zip (DOS) times are local: the bytes then do not depend on the time zone.
 */
export function zipDeterministic(parts: Parts): Uint8Array {
  const mtime = new Date(2020, 0, 1, 0, 0, 0);
  const sorted: Zippable = {};
  // Folder entries carry nothing and some readers dislike them.
  for (const path of Object.keys(parts).filter((p) => !p.endsWith('/')).sort()) sorted[path] = [parts[path]!, { mtime, level: 6 }];
  return zipSync(sorted, { mtime });
}
