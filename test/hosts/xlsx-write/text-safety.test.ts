import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '../../../src/core/grid';
import { readXlsx } from '../../../src/hosts/xlsx/read/index';
import { writeWorkbookModel } from '../../../src/hosts/xlsx/write/index';
import { xmlEscape } from '../../../src/hosts/xlsx/write/xml-text';
import { parseXml, type XmlElement } from '../../helpers/xml';
import { FORMULA_LIKE_TEXTS, ILLEGAL_TEXTS, READER_ONLY_TEXTS, TEXT_SAFETY_MODEL } from './text-safety-model';

/** A character XML 1.0 does not allow (Char production), lone surrogates included. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

const find = (el: XmlElement, name: string): XmlElement[] => (el.name === name ? [el] : el.children.flatMap((c) => find(c, name)));

let bytes: Uint8Array;
let parts: Record<string, Uint8Array>;
beforeAll(async () => {
  bytes = await writeWorkbookModel(TEXT_SAFETY_MODEL);
  parts = unzipSync(bytes);
});

describe('xmlEscape', () => {
  it('escapes what XML cannot carry the OOXML way, and literal escapes so they read back unchanged', () => {
    expect(xmlEscape('a\u0001b')).toBe('a_x0001_b');
    expect(xmlEscape('\uFFFE\uFFFF')).toBe('_xFFFE__xFFFF_');
    expect(xmlEscape('a\uD800b\uDC00')).toBe('a_xD800_b_xDC00_');
    expect(xmlEscape('😀')).toBe('😀');
    expect(xmlEscape('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlEscape('_x00_ _xZZZZ_ x_')).toBe('_x00_ _xZZZZ_ x_');
    expect(xmlEscape('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(xmlEscape('\t\n\r')).toBe('&#9;&#10;&#13;');
    expect(xmlEscape('texte ordinaire')).toBe('texte ordinaire');
  });
});

describe('writeWorkbookModel: output that always opens (issue 11.4)', () => {
  it('writes only well-formed XML parts, without a character XML 1.0 forbids', () => {
    for (const [path, data] of Object.entries(parts)) {
      if (!/\.(xml|rels|vml)$/.test(path)) continue;
      const text = strFromU8(data);
      expect(NOT_XML_CHAR.test(text), path).toBe(false);
      expect(() => parseXml(text), path).not.toThrow();
    }
  });

  it('reads every text back unchanged with our reader, control characters, lone surrogates and mixed line breaks included', () => {
    const book = readXlsx(bytes, 'textes.xlsx');
    const textes = book.sheets.find((s) => s.name === 'Textes')!;
    ILLEGAL_TEXTS.forEach((t, i) => expect(cellValue(textes, i + 1, 1), JSON.stringify(t)).toBe(t));
    FORMULA_LIKE_TEXTS.forEach((t, i) => expect(cellValue(textes, i + 1, 2), JSON.stringify(t)).toBe(t));
    expect(cellValue(textes, 1, 3)).toBe('=A1');
    const seuls = book.sheets.find((s) => s.name === 'Seuls')!;
    READER_ONLY_TEXTS.forEach((t, i) => expect(cellValue(seuls, i + 1, 1), JSON.stringify(t)).toBe(t));
    // The table header keeps its column name.
    expect(cellValue(textes, 1, 6)).toBe('Nom\u0007');
  });

  it('stores formula-like text as text with the quote-prefix format, and other text without it', () => {
    const sheet = parseXml(strFromU8(parts['xl/worksheets/sheet1.xml']!));
    const xfs = find(find(parseXml(strFromU8(parts['xl/styles.xml']!)), 'cellXfs')[0]!, 'xf');
    const cell = (ref: string) => find(sheet, 'c').find((c) => c.attributes.r === ref)!;
    const xf = (ref: string) => xfs[Number(cell(ref).attributes.s ?? 0)]!;
    FORMULA_LIKE_TEXTS.forEach((_, i) => {
      const c = cell(`B${i + 1}`);
      expect(c.attributes.t).toBe('s');
      expect(find(c, 'f')).toHaveLength(0);
      expect(xf(`B${i + 1}`).attributes.quotePrefix, `B${i + 1}`).toBe('1');
    });
    expect(xf('C1').attributes.quotePrefix).toBe('1');
    expect(xfs[Number(cell('C1').attributes.s)]!.attributes.fontId).not.toBe('0');
    ILLEGAL_TEXTS.forEach((_, i) => expect(xf(`A${i + 1}`).attributes.quotePrefix, `A${i + 1}`).toBeUndefined());
  });

  it('escapes notes, validation prompts and table columns too; line breaks in attributes survive', () => {
    expect(strFromU8(parts['xl/comments1.xml']!)).toContain('Note _x0002_ avec _x005F_x0041_');
    const dv = find(parseXml(strFromU8(parts['xl/worksheets/sheet1.xml']!)), 'dataValidation')[0]!;
    expect(dv.attributes.promptTitle).toBe('T_x0003_');
    expect(dv.attributes.prompt).toBe('ligne 1\nligne 2');
    expect(strFromU8(parts['xl/tables/table1.xml']!)).toContain('name="Nom_x0007_"');
  });
});
