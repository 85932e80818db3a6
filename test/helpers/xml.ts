// Minimal recursive-descent XML parser for tests (node has no DOMParser and the
// project takes no XML dependency). Handles what manifests use: declaration,
// comments, CDATA, elements, quoted attributes, text and the predefined and
// numeric entities. No DTD, no namespace resolution (names keep their prefix).

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text content, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const value = ENTITIES[body];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseDocument(): XmlElement {
    this.skipMisc();
    const root = this.parseElement();
    this.skipMisc();
    if (this.pos !== this.src.length) this.fail("content after the root element");
    return root;
  }

  private fail(message: string): never {
    const line = this.src.slice(0, this.pos).split("\n").length;
    throw new Error(`XML: ${message} (line ${line})`);
  }

  private startsWith(token: string): boolean {
    return this.src.startsWith(token, this.pos);
  }

  private expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`expected "${token}"`);
    this.pos += token.length;
  }

  private skipUntil(token: string): void {
    const end = this.src.indexOf(token, this.pos);
    if (end < 0) this.fail(`unterminated construct, missing "${token}"`);
    this.pos = end + token.length;
  }

  private skipWhitespace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  /** Whitespace, comments, the XML declaration and processing instructions. */
  private skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.startsWith("<!--")) this.skipUntil("-->");
      else if (this.startsWith("<?")) this.skipUntil("?>");
      else return;
    }
  }

  private parseName(): string {
    const match = /^[A-Za-z_][\w.:-]*/.exec(this.src.slice(this.pos, this.pos + 200));
    if (!match) this.fail("expected a name");
    this.pos += match[0].length;
    return match[0];
  }

  private parseElement(): XmlElement {
    this.expect("<");
    const name = this.parseName();
    const attributes: Record<string, string> = {};
    for (;;) {
      this.skipWhitespace();
      if (this.startsWith("/>")) {
        this.pos += 2;
        return { name, attributes, children: [], text: "" };
      }
      if (this.startsWith(">")) {
        this.pos += 1;
        break;
      }
      const attribute = this.parseName();
      if (attribute in attributes) this.fail(`duplicate attribute ${attribute}`);
      this.skipWhitespace();
      this.expect("=");
      this.skipWhitespace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail("expected a quoted attribute value");
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail("unterminated attribute value");
      attributes[attribute] = decodeEntities(this.src.slice(this.pos + 1, end));
      this.pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`unclosed <${name}>`);
      if (this.startsWith("</")) {
        this.pos += 2;
        const closing = this.parseName();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipWhitespace();
        this.expect(">");
        return { name, attributes, children, text: text.trim() };
      }
      if (this.startsWith("<!--")) this.skipUntil("-->");
      else if (this.startsWith("<![CDATA[")) {
        const start = this.pos + 9;
        this.skipUntil("]]>");
        text += this.src.slice(start, this.pos - 3);
      } else if (this.startsWith("<?")) this.skipUntil("?>");
      else if (this.startsWith("<")) children.push(this.parseElement());
      else {
        const next = this.src.indexOf("<", this.pos);
        const end = next < 0 ? this.src.length : next;
        text += decodeEntities(this.src.slice(this.pos, end));
        this.pos = end;
      }
    }
  }
}

export function parseXml(source: string): XmlElement {
  return new Parser(source).parseDocument();
}

/** Direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The single direct child named `name`; throws when absent or repeated. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0]!;
}

/** Every element below `element` (depth first), not including itself. */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}
