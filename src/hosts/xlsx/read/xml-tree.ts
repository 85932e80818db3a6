/**
 * A small, lenient XML reader for the small parts of a package (workbook, rels, styles,
 * tables, the non-cell part of a sheet). Names lose their namespace prefix ("x14:formula1"
 * becomes "formula1"): SpreadsheetML writers differ in prefixes, never in local names.
 * No DTD processing: entities other than the predefined and numeric ones are kept verbatim.
 * Cell rows and shared strings are scanned elsewhere without building a tree.
 */
import { DEFAULT_READ_LIMITS, ReadLimitError, formatCount } from './limits';
import { decodeEntities } from './xml-text';

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** Direct text content, decoded, untrimmed (concatenation of text and CDATA pieces). */
  text: string;
}

export class XmlSyntaxError extends Error {}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Parses the attributes of a start tag between `from` and `to` (exclusive, after the name).
 * Namespace declarations are dropped; prefixed names keep only their local part, unless
 * `keepPrefix` (OpenDocument, where office:value-type and calcext:value-type differ).
 */
export function parseAttributes(s: string, from: number, to: number, keepPrefix = false): Record<string, string> {
  // Without a prototype: a name the element lacks is absent even when Object.prototype has it
  // ("constructor", "valueOf"), and "__proto__" is an attribute like any other. Such an object
  // also keeps its keys in a table, not in hidden classes made from the file's names: those
  // died at each full GC, and took with them the optimized code of the parsers that read them.
  const attrs: Record<string, string> = Object.create(null);
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    // Searches stay within the tag: an unbounded indexOf per tag made big parts quadratic.
    const eq = indexWithin(s, 61 /* = */, i, to);
    if (eq < 0) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(s.charCodeAt(q))) q++;
    const quote = s.charCodeAt(q);
    if (quote !== 34 && quote !== 39) break;
    const end = indexWithin(s, quote, q + 1, to);
    if (end < 0) break;
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) {
      attrs[keepPrefix ? name : localName(name)] = decodeEntities(s.slice(q + 1, end));
    }
    i = end + 1;
  }
  return attrs;
}

/** Index of the char code `c` in s[from, to), or -1. */
export function indexWithin(s: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

/**
 * Index of the '>' closing the tag that starts at `from`, skipping quoted attribute values.
 * One pass over the tag's own characters: searching for the next quote anywhere in the part at
 * every tag took time growing with the square of the part (800,000 tags: over a minute).
 */
export function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/**
 * Parses a whole document and returns its root element. Throws XmlSyntaxError when malformed,
 * and ReadLimitError past `maxNodes` elements: a tree costs ~150 bytes per element, and an 8 Mo
 * styles.xml of 30 million empty elements once took Node to 4.9 Go and a crash.
 */
export function parseXml(s: string, maxNodes: number = DEFAULT_READ_LIMITS.maxXmlNodes, part = ''): XmlNode {
  // A native pre-count of start tags refuses a node bomb before any node is built.
  if (startTagsOver(s, maxNodes)) throw tooManyNodes(maxNodes, part);
  const stack: XmlNode[] = [];
  let nodes = 0;
  let root: XmlNode | undefined;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && stack.length > 0) stack[stack.length - 1]!.text += decodeEntities(s.slice(i, textEnd));
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlSyntaxError('instruction non terminée');
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlSyntaxError('commentaire non terminé');
        i = end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('section CDATA non terminée');
        if (stack.length > 0) stack[stack.length - 1]!.text += s.slice(lt + 9, end);
        i = end + 3;
      } else {
        // <!DOCTYPE …>, possibly with an internal subset: skipped, never expanded.
        const gt = s.indexOf('>', lt);
        if (gt < 0) throw new XmlSyntaxError('déclaration non terminée');
        const bracket = indexWithin(s, 91 /* [ */, lt, gt);
        if (bracket >= 0) {
          const end = s.indexOf(']>', bracket);
          if (end < 0) throw new XmlSyntaxError('déclaration non terminée');
          i = end + 2;
        } else i = gt + 1;
      }
    } else if (c === 47 /* / */) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) throw new XmlSyntaxError('balise fermante non terminée');
      const name = localName(s.slice(lt + 2, gt).trim());
      const top = stack.pop();
      if (!top || top.name !== name) throw new XmlSyntaxError(`balise </${name}> inattendue`);
      i = gt + 1;
    } else {
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) throw new XmlSyntaxError('balise non terminée');
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      const inner = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < inner && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
      if (++nodes > maxNodes) throw tooManyNodes(maxNodes, part);
      const node: XmlNode = {
        name: localName(s.slice(lt + 1, nameEnd)),
        attrs: parseAttributes(s, nameEnd, inner),
        children: [],
        text: '',
      };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(node);
      else if (root) throw new XmlSyntaxError('plusieurs éléments racines');
      else root = node;
      if (!selfClosing) stack.push(node);
      i = gt + 1;
    }
  }
  if (!root) throw new XmlSyntaxError('document vide');
  if (stack.length > 0) throw new XmlSyntaxError(`élément <${stack[stack.length - 1]!.name}> non fermé`);
  return root;
}

/** Whether s has more than `max` start tags ('<' followed by a name character). */
function startTagsOver(s: string, max: number): boolean {
  let count = 0;
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (c !== 47 /* / */ && c !== 33 /* ! */ && c !== 63 /* ? */ && ++count > max) return true;
  }
  return false;
}

function tooManyNodes(max: number, part: string): ReadLimitError {
  const where = part ? `la partie « ${part} »` : 'une partie du classeur';
  return new ReadLimitError(
    `${where} compte plus de ${formatCount(max)} éléments XML (limite de lecture) : ce n’est pas un classeur ordinaire. Enregistrez-le de nouveau depuis Excel ou LibreOffice, ou retirez les mises en forme et noms inutiles.`,
  );
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** All descendants named `name`, depth first, in document order. */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** OOXML booleans: "1"/"true" and "0"/"false"; `fallback` when absent. */
export function boolAttr(node: XmlNode, name: string, fallback: boolean): boolean {
  const v = node.attrs[name];
  if (v === undefined) return fallback;
  return v === '1' || v === 'true';
}
