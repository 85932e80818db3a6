/**
 * Package relationships (OPC): parts are found through the _rels files, never by assuming
 * "xl/worksheets/sheetN.xml". Relationship types are matched by their last segment so that
 * Transitional and Strict (purl.oclc.org) namespaces both work.
 */
import { children, parseXml } from './xml-tree';

export interface Relationship {
  readonly id: string;
  /** Last segment of the type URI: "worksheet", "sharedStrings", "officeDocument"… */
  readonly type: string;
  /** Package path of the target part, resolved against the source part. */
  readonly target: string;
  readonly external: boolean;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target relative to the folder of `fromPart`. */
export function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export function parseRels(xml: string, fromPart: string, maxNodes?: number): Relationship[] {
  return children(parseXml(xml, maxNodes, relsPathOf(fromPart)), 'Relationship').map((r) => {
    const type = r.attrs.Type ?? '';
    const external = r.attrs.TargetMode === 'External';
    const target = r.attrs.Target ?? '';
    return {
      id: r.attrs.Id ?? '',
      type: type.slice(type.lastIndexOf('/') + 1),
      target: external ? target : resolveTarget(fromPart, decodeURIComponentSafe(target)),
      external,
    };
  });
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes('%')) return s; // nothing to decode (most targets): no call, no try
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
