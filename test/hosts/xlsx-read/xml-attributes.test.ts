/**
 * Attributes of the small parts' XML: an element's attributes, and nothing else. They are held
 * without a prototype, so a name that Object.prototype also has ("constructor", "toString",
 * "__proto__") is read from the file, or is absent, like any other name.
 */
import { describe, expect, it } from 'vitest';
import { boolAttr, parseAttributes, parseXml } from '../../../src/hosts/xlsx/read/xml-tree';

describe('XML attributes of the small parts', () => {
  it('an attribute the element does not have is absent, whatever its name', () => {
    const node = parseXml('<sheet name="Retours" sheetId="1"/>');
    expect(node.attrs.name).toBe('Retours');
    expect(node.attrs.constructor).toBeUndefined();
    expect(node.attrs.toString).toBeUndefined();
    expect(node.attrs.hasOwnProperty).toBeUndefined();
    // Absent: the fallback, not a verdict on Object.prototype.valueOf.
    expect(boolAttr(node, 'valueOf', true)).toBe(true);
    expect(Object.keys(node.attrs)).toEqual(['name', 'sheetId']);
  });

  it('names that Object.prototype also has are read from the file as any other', () => {
    const tag = '<x constructor="a" toString="b" __proto__="c" valueOf="1" hidden="0"/>';
    const attrs = parseAttributes(tag, 2, tag.length - 2);
    expect(Object.entries(attrs)).toEqual([
      ['constructor', 'a'],
      ['toString', 'b'],
      ['__proto__', 'c'],
      ['valueOf', '1'],
      ['hidden', '0'],
    ]);
    const node = parseXml(tag);
    expect(boolAttr(node, 'valueOf', false)).toBe(true);
    expect(boolAttr(node, 'hidden', true)).toBe(false);
  });

  it('prefixed names keep their local part, or their prefix when asked (OpenDocument)', () => {
    const tag = '<c xmlns:x="urn:x" x:style="3" office:value-type="float">';
    expect(Object.entries(parseAttributes(tag, 2, tag.length - 1))).toEqual([
      ['style', '3'],
      ['value-type', 'float'],
    ]);
    expect(Object.entries(parseAttributes(tag, 2, tag.length - 1, true))).toEqual([
      ['x:style', '3'],
      ['office:value-type', 'float'],
    ]);
  });
});
