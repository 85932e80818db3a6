/**
 * A streaming XML tokenizer for big parts that are not SpreadsheetML sheets (the content.xml
 * of an OpenDocument spreadsheet): start tags, end tags and text are handed to a handler as
 * the part inflates, without building a tree. Each character is scanned a bounded number of
 * times: a tag cut by a chunk boundary waits for its end, and no pending text may exceed
 * `maxPending` characters. Names keep their prefix ("table:table-cell"). No DTD processing.
 */
import { formatCount } from './limits';
import { streamText } from './scan';
import { decodeEntities } from './xml-text';
import { parseAttributes, tagEnd, XmlSyntaxError } from './xml-tree';
import type { ZipPackage } from './zip';

export interface XmlHandler {
  start(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  end(name: string): void;
  /** Decoded text between tags, possibly in several pieces. */
  text(text: string): void;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function streamXml(zip: ZipPackage, part: string, handler: XmlHandler, maxPending: number): boolean {
  /** What the text kept for the next chunk waits for ('>' for a cut tag), or undefined. */
  let waiting: string | undefined;
  return streamText(
    zip,
    part,
    (buf, final) => {
      waiting = undefined;
      let i = 0;
      for (;;) {
        const lt = buf.indexOf('<', i);
        if (lt < 0) {
          let keep = buf.length;
          if (!final) {
            // An entity cut in two ("&am" | "p;") waits for its end.
            const amp = buf.lastIndexOf('&');
            if (amp >= i && buf.length - amp < 12 && buf.indexOf(';', amp) < 0) keep = amp;
          }
          if (keep > i) handler.text(decodeEntities(buf.slice(i, keep)));
          return keep;
        }
        if (lt > i) handler.text(decodeEntities(buf.slice(i, lt)));
        i = lt;
        const next = buf.charCodeAt(lt + 1);
        let close: string | undefined;
        if (next === 33 /* ! */) close = buf.startsWith('<!--', lt) ? '-->' : buf.startsWith('<![CDATA[', lt) ? ']]>' : '>';
        else if (next === 63 /* ? */) close = '?>';
        if (close !== undefined) {
          const end = buf.indexOf(close, lt + 2);
          if (end < 0) {
            if (final) throw new XmlSyntaxError('balise non terminée');
            waiting = close;
            return lt;
          }
          if (close === ']]>') handler.text(buf.slice(lt + 9, end));
          i = end + close.length;
          continue;
        }
        if (Number.isNaN(next)) {
          if (final) throw new XmlSyntaxError('balise non terminée');
          return lt;
        }
        const gt = tagEnd(buf, lt + 1);
        if (gt < 0) {
          if (final) throw new XmlSyntaxError('balise non terminée');
          waiting = '>';
          return lt;
        }
        if (next === 47 /* / */) handler.end(buf.slice(lt + 2, gt).trim());
        else {
          const selfClosing = buf.charCodeAt(gt - 1) === 47;
          const inner = selfClosing ? gt - 1 : gt;
          let nameEnd = lt + 1;
          while (nameEnd < inner && !isSpace(buf.charCodeAt(nameEnd))) nameEnd++;
          handler.start(buf.slice(lt + 1, nameEnd), parseAttributes(buf, nameEnd, inner, true), selfClosing);
        }
        i = gt + 1;
      }
    },
    () => waiting,
    {
      chars: maxPending,
      detail: () => `la partie « ${part} » contient une balise de plus de ${formatCount(maxPending)} caractères (limite de lecture).`,
    },
  );
}

