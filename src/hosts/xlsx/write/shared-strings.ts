/** xl/sharedStrings.xml: each distinct text once; cells refer to it by index. */
import { xmlEscape } from './xml-text';

/** Leading or trailing whitespace, or a line break, needs xml:space="preserve" to survive. */
const NEEDS_PRESERVE = /^\s|\s$|\n/;

/** A <t> element, keeping spaces that XML readers would otherwise be free to drop. */
export function textElement(text: string): string {
  return NEEDS_PRESERVE.test(text) ? `<t xml:space="preserve">${xmlEscape(text)}</t>` : `<t>${xmlEscape(text)}</t>`;
}

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.items.length;
  }

  xml(): string {
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.items.length}">`,
    ];
    for (const s of this.items) out.push(`<si>${textElement(s)}</si>`);
    out.push('</sst>');
    return out.join('');
  }
}
