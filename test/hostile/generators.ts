/**
 * The hostile corpus, as generators: each case writes its bytes (or a FIFO, a link, a folder)
 * into a temporary folder and returns the path to check. Nothing large is kept in the
 * repository; every case can be replayed (the pseudo-random bytes are seeded).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { handXlsx, noise, worksheetXml } from '../hosts/xlsx-read/helpers';

export interface HostileCase {
  readonly name: string;
  /** Writes the case into `dir`; returns the path to validate. */
  readonly make: (dir: string) => string;
  /** 'lu' when the file must be read (its oddities are legal), 'refusé' when it must be refused. */
  readonly expect: 'lu' | 'refusé';
  /** A word the refusal message must contain. */
  readonly says?: string;
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Deterministic pseudo-random letters (xorshift): text that does not compress much. */
function letters(n: number, seed = 88172645): string {
  let x = seed;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = String.fromCharCode(97 + ((x >>> 0) % 26));
  }
  return out.join('');
}

/** Six pseudo-random letters for the i-th repeated tag: repeated tags that do not compress 200 times. */
let pool: string | undefined;
function rnd(i: number): string {
  pool ??= letters(1 << 20, 12345);
  return pool.substr((i * 7) % (pool.length - 8), 6);
}
function many(n: number, tag: (r: string, i: number) => string): string {
  return Array.from({ length: n }, (_, i) => tag(rnd(i), i)).join('');
}

const sheet = (inner: string) => handXlsx({ sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(inner) }] });
const rows = (xml: string) => sheet(`<sheetData>${xml}</sheetData>`);
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Structure</t></is></c><c r="B1"><v>12</v></c></row>';

function file(name: string, content: Uint8Array | string): (dir: string) => string {
  return (dir) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
}

/** The parts of a small valid package, to be tampered with. */
function parts(): Record<string, Uint8Array> {
  return unzipSync(rows(ROW));
}

function zipOf(files: Zippable): Uint8Array {
  return zipSync(files);
}

/** An .ods package around content.xml's body (office:spreadsheet content). */
export function ods(spreadsheet: string, extra: Zippable = {}): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>${spreadsheet}</office:spreadsheet></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8(ODS_MIME), { level: 0 }], 'content.xml': strToU8(content), ...extra });
}
const odsTable = (inner: string) => ods(`<table:table table:name="Feuille">${inner}</table:table>`);

/** Local header offset of `name` in a zip written by fflate (stored data follows name and extra). */
function dataOffset(zip: Uint8Array, name: string): number {
  const n = new TextEncoder().encode(name);
  for (let i = 0; i < zip.length - 30; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4 && n.every((b, k) => zip[i + 30 + k] === b)) {
      return i + 30 + n.length + (zip[i + 28]! | (zip[i + 29]! << 8));
    }
  }
  throw new Error(`partie ${name} introuvable`);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

function cfb(streamName: string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) out[1024 + 2 * i] = streamName.charCodeAt(i);
  return out;
}

const SST_HEAD = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

export function hostileCases(validPath: string): HostileCase[] {
  const valid = new Uint8Array(readFileSync(validPath));
  const cases: HostileCase[] = [
    // What is not a workbook at all.
    { name: 'fichier vide', make: file('vide.xlsx', new Uint8Array(0)), expect: 'refusé', says: 'vide' },
    { name: 'octets au hasard', make: file('hasard.xlsx', noise(8192, 7)), expect: 'refusé' },
    { name: 'CSV renommé', make: file('csv.xlsx', 'SIRET;Nom\n123;Structure\n'), expect: 'refusé', says: 'CSV' },
    { name: 'CSV Windows-1252', make: file('csv1252.xlsx', new Uint8Array([0x53, 0x49, 0xe9, 0x3b, 0x41, 0x0a])), expect: 'refusé', says: 'CSV' },
    { name: 'page HTML renommée', make: file('page.xlsx', '<!DOCTYPE html><html><table><tr><td>1</td></tr></table></html>'), expect: 'refusé', says: 'HTML' },
    { name: 'PDF renommé', make: file('doc.xlsx', '%PDF-1.4\n%âãÏÓ\n'), expect: 'refusé', says: 'PDF' },
    { name: 'XML 2003', make: file('xml2003.xlsx', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), expect: 'refusé', says: '2003' },
    { name: 'classeur chiffré (CFB)', make: file('chiffre.xlsx', cfb('EncryptedPackage')), expect: 'refusé', says: 'mot de passe' },
    { name: 'ancien .xls (CFB)', make: file('ancien.xlsx', cfb('Workbook')), expect: 'refusé', says: '97-2003' },
    { name: 'zip tronqué de moitié', make: file('tronque.xlsx', valid.subarray(0, valid.length >> 1)), expect: 'refusé', says: 'endommagé' },
    { name: 'zip sans son dernier octet', make: file('coupe.xlsx', valid.subarray(0, valid.length - 1)), expect: 'refusé', says: 'endommagé' },
    { name: 'zip vide', make: file('zipvide.xlsx', zipOf({})), expect: 'refusé' },
    { name: 'document Word', make: file('word.xlsx', zipOf({ 'word/document.xml': strToU8('<w:document/>') })), expect: 'refusé', says: 'Word' },
    { name: 'classeur binaire .xlsb', make: file('binaire.xlsx', zipOf({ 'xl/workbook.bin': new Uint8Array(10) })), expect: 'refusé', says: 'xlsb' },
    { name: 'texte OpenDocument', make: file('texte.xlsx', zipOf({ mimetype: strToU8('application/vnd.oasis.opendocument.text') })), expect: 'refusé', says: 'OpenDocument' },

    // Damaged archives.
    {
      name: 'CRC faux (partie stockée modifiée)',
      make: (dir) => {
        const p = parts();
        const z = zipSync(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v, { level: 0 }]])) as Zippable);
        const at = dataOffset(z, 'xl/worksheets/sheet1.xml');
        const text = new TextDecoder().decode(z.subarray(at, at + 400));
        z[at + text.indexOf('<v>12') + 3] = 0x39; // 12 → 92: a wrong value, unless the CRC is checked
        return file('crc.xlsx', z)(dir);
      },
      expect: 'refusé',
      says: 'CRC',
    },
    {
      name: 'données compressées invalides',
      make: (dir) => {
        const z = rows(ROW.repeat(50));
        const at = dataOffset(z, 'xl/worksheets/sheet1.xml');
        z.fill(0xff, at, at + 16);
        return file('deflate.xlsx', z)(dir);
      },
      expect: 'refusé',
      says: 'endommagé',
    },
    { name: 'bombe zip (feuille de zéros)', make: file('bombe.xlsx', rows(`<row r="1"><c r="A1"><v>${'0'.repeat(30_000_000)}</v></c></row>`)), expect: 'refusé', says: 'bombe' },
    { name: 'partie de 0 octet (feuille)', make: file('zero-feuille.xlsx', zipOf({ ...parts(), 'xl/worksheets/sheet1.xml': new Uint8Array(0) })), expect: 'refusé', says: 'endommagé' },
    { name: 'partie de 0 octet (workbook.xml)', make: file('zero-classeur.xlsx', zipOf({ ...parts(), 'xl/workbook.xml': new Uint8Array(0) })), expect: 'refusé' },
    {
      name: 'noms de parties en double',
      make: (dir) => {
        // Two entries named the same: the zip is written twice the same part, the last one wins.
        const z = zipOf({ ...parts(), 'xl/worksheets/SHEET1.xml': strToU8(worksheetXml(`<sheetData>${ROW}</sheetData>`)) });
        return file('doublons.xlsx', z)(dir);
      },
      expect: 'lu',
    },
    {
      name: 'noms de parties absolus et « .. »',
      make: (dir) => {
        const p = parts();
        const renamed: Zippable = {};
        for (const [k, v] of Object.entries(p)) renamed[k.startsWith('xl/worksheets/') ? `/${k}` : k] = v;
        renamed['../../etc/passwd'] = strToU8('root:x:0:0');
        renamed['/tmp/evil.xml'] = strToU8('<x/>');
        return file('chemins.xlsx', zipOf(renamed))(dir);
      },
      expect: 'lu',
    },
    {
      name: 'entrée chiffrée (drapeau zip)',
      make: (dir) => {
        const z = rows(ROW);
        // The general-purpose flag of every central directory entry: "encrypted".
        for (let i = 0; i < z.length - 4; i++) if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) z[i + 8]! |= 1;
        return file('drapeau.xlsx', z)(dir);
      },
      expect: 'refusé',
      says: 'mot de passe',
    },
    {
      name: 'méthode de compression inconnue',
      make: (dir) => {
        const z = rows(ROW);
        for (let i = 0; i < z.length - 4; i++) if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) z[i + 10] = 12;
        return file('methode.xlsx', z)(dir);
      },
      expect: 'refusé',
      says: 'compression',
    },

    // Parts that cost too much to read when parsed naively.
    {
      name: 'styles.xml de 300 000 éléments (bombe de nœuds)',
      make: file(
        'styles-bombe.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${ROW}</sheetData>`) }],
          styles: `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>${many(300_000, (r, i) => `<xf numFmtId="${i % 50}" k="${r}"/>`)}</cellXfs></styleSheet>`,
        }),
      ),
      expect: 'refusé',
      says: 'éléments XML',
    },
    {
      name: '800 000 balises avant les cellules',
      make: file('tete.xlsx', sheet(`<sheetViews>${many(800_000, (r) => `<x a="${r}"/>`)}</sheetViews><sheetData>${ROW}</sheetData>`)),
      expect: 'lu',
    },
    {
      name: '200 000 balises citées après les cellules',
      make: file('queue.xlsx', sheet(`<sheetData>${ROW}</sheetData><extLst>${many(200_000, (r) => `<x a="&gt;'${r}"/>`)}</extLst>`)),
      expect: 'lu',
    },
    {
      name: '800 000 balises après les cellules (plafond de nœuds)',
      make: file('queue-bombe.xlsx', sheet(`<sheetData>${ROW}</sheetData><extLst>${many(800_000, (r) => `<${r}/>`)}</extLst>`)),
      expect: 'refusé',
      says: 'éléments XML',
    },
    {
      name: '100 000 noms définis',
      make: file(
        'noms.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${ROW}</sheetData>`) }],
          workbookExtra: `<definedNames>${Array.from({ length: 100_000 }, (_, i) => `<definedName name="N${i}">Feuille!$A$${(i % 1000) + 1}</definedName>`).join('')}</definedNames>`,
        }),
      ),
      expect: 'lu',
    },
    {
      name: 'balises sans « = » dans leurs attributs',
      make: file('attributs.xlsx', sheet(`<sheetViews>${many(200_000, (r) => `<x ${r} b c/>`)}</sheetViews><sheetData>${ROW}</sheetData><extLst>${many(200_000, (r) => `<x ${r} c/>`)}</extLst>`)),
      expect: 'lu',
    },
    {
      name: 'douze en-têtes de 32 760 espaces',
      make: file('espaces.xlsx', rows(`<row r="1">${Array.from({ length: 12 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t xml:space="preserve">${' '.repeat(32_760)}</t></is></c>`).join('')}</row>`)),
      expect: 'lu',
    },
    {
      name: 'cellule en ligne de 5 millions de caractères',
      make: file('cellule.xlsx', rows(`<row r="1"><c r="A1" t="inlineStr"><is><t>${letters(5_000_000)}</t></is></c></row>`)),
      expect: 'refusé',
      says: 'caractères',
    },
    {
      name: 'ligne de 10 millions de caractères',
      make: file('ligne.xlsx', rows(`<row r="1">${Array.from({ length: 16_000 }, (_, i) => `<c r="${colName(i + 1)}1" t="inlineStr"><is><t>${letters(600, i)}</t></is></c>`).join('')}</row>`)),
      expect: 'refusé',
      says: 'caractères',
    },
    {
      name: 'ligne de 6 millions de caractères (sous la limite, en plusieurs morceaux)',
      make: file('ligne-longue.xlsx', rows(`<row r="1">${Array.from({ length: 16_000 }, (_, i) => `<c r="${colName(i + 1)}1" t="inlineStr"><is><t>${letters(340, i)}</t></is></c>`).join('')}</row>`)),
      expect: 'lu',
    },
    {
      name: 'texte partagé de 2 millions de caractères',
      make: file(
        'partage.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') }],
          sharedStrings: `${SST_HEAD}<si><t>${letters(2_000_000)}</t></si></sst>`,
        }),
      ),
      expect: 'refusé',
      says: 'caractères',
    },
    {
      name: '100 000 cellules sans </v>',
      make: file('sans-v.xlsx', rows(`<row r="1">${many(100_000, (r) => `<c><v>${r}</c>`)}</row>`)),
      expect: 'refusé',
      says: 'non terminée',
    },
    {
      name: '500 000 lignes sans cellule',
      make: file('lignes-vides.xlsx', rows(Array.from({ length: 500_000 }, (_, i) => `<row r="${i + 1}"></row>`).join(''))),
      expect: 'lu',
    },
    {
      name: '300 000 textes partagés sans </t>',
      make: file(
        'sans-t.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml(`<sheetData>${ROW}</sheetData>`) }],
          sharedStrings: `${SST_HEAD}${many(300_000, (r) => `<si><t>${r}</si>`)}</sst>`,
        }),
      ),
      expect: 'lu',
    },
    {
      name: 'un million d’entités',
      make: file(
        'entites.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') }],
          sharedStrings: `${SST_HEAD}<si><t>${'&amp;&#233;'.repeat(40_000)}</t></si></sst>`,
        }),
      ),
      expect: 'lu',
    },
    { name: 'milliard de rires (DOCTYPE)', make: file('rires.xlsx', sheet(`<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData>`)), expect: 'lu' },
    {
      name: 'entité externe (XXE)',
      make: file(
        'xxe.xlsx',
        handXlsx({
          sheets: [{ name: 'Feuille', path: 'xl/worksheets/sheet1.xml', xml: worksheetXml('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') }],
          sharedStrings: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>${SST_HEAD.slice(21)}<si><t>&x;</t></si></sst>`,
        }),
      ),
      expect: 'lu',
    },
    { name: 'commentaire non terminé', make: file('commentaire.xlsx', zipOf({ ...parts(), 'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook><!-- jamais fini') })), expect: 'refusé', says: 'endommagé' },
    { name: 'imbrication de 200 000 niveaux', make: file('profond.xlsx', sheet(`<sheetData>${ROW}</sheetData><extLst>${many(200_000, (r) => `<x a="${r}">`)}${'</x>'.repeat(200_000)}</extLst>`)), expect: 'lu' },
    { name: 'référence au-delà de XFD', make: file('xfd.xlsx', rows('<row r="1"><c r="XFE1"><v>1</v></c></row>')), expect: 'refusé', says: 'endommagé' },
    { name: 'ligne au-delà de 1 048 576', make: file('ligne-max.xlsx', rows('<row r="1048577"><c><v>1</v></c></row>')), expect: 'refusé', says: 'endommagé' },
    { name: 'nombre 0x1F', make: file('hexa.xlsx', rows('<row r="1"><c r="A1"><v>0x1F</v></c><c r="B1"><v>Infinity</v></c></row>')), expect: 'lu' },
    { name: 'nombres 4.9E-324 et 1E+308', make: file('extremes.xlsx', rows('<row r="1"><c r="A1"><v>4.9E-324</v></c><c r="B1"><v>1E+308</v></c><c r="C1"><v>1E+999</v></c></row>')), expect: 'lu' },
    { name: 'nombre de 1 000 chiffres', make: file('chiffres.xlsx', rows(`<row r="1"><c r="A1"><v>${'9'.repeat(1000)}</v></c></row>`)), expect: 'lu' },
    { name: 'caractères interdits (_xFFFE_, contrôles)', make: file('controle.xlsx', rows('<row r="1"><c r="A1" t="inlineStr"><is><t>_xFFFE_ _x0001_ &#1; a&#x1F;b</t></is></c></row>')), expect: 'lu' },
    {
      name: 'feuille absente de l’archive',
      make: (dir) => {
        const p = parts();
        delete p['xl/worksheets/sheet1.xml'];
        return file('absente.xlsx', zipOf(p))(dir);
      },
      expect: 'refusé',
      says: 'absente',
    },
    {
      name: '2 000 feuilles',
      make: file('feuilles.xlsx', handXlsx({ sheets: Array.from({ length: 2000 }, (_, i) => ({ name: `F${i}`, path: `xl/worksheets/s${i}.xml`, xml: worksheetXml(`<sheetData>${ROW}</sheetData>`) })) })),
      expect: 'lu',
    },
    {
      name: 'partie en UTF-16LE avec BOM',
      make: file('utf16le.xlsx', zipOf({ ...parts(), 'xl/worksheets/sheet1.xml': utf16(worksheetXml(`<sheetData>${ROW}</sheetData>`).replace('UTF-8', 'UTF-16'), false) })),
      expect: 'lu',
    },
    {
      name: 'partie en UTF-16BE avec BOM',
      make: file('utf16be.xlsx', zipOf({ ...parts(), 'xl/workbook.xml': utf16(new TextDecoder().decode(parts()['xl/workbook.xml']), true) })),
      expect: 'lu',
    },

    // OpenDocument.
    { name: 'ods ordinaire', make: file('simple.ods', odsTable('<table:table-row><table:table-cell office:value-type="string"><text:p>Structure</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12"/></table:table-row>')), expect: 'lu' },
    {
      name: 'ods : bombe de lignes répétées',
      make: file('repete-lignes.ods', odsTable('<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>')),
      expect: 'refusé',
      says: 'cellules',
    },
    {
      name: 'ods : bombe de colonnes répétées',
      make: file('repete-colonnes.ods', odsTable('<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000000000"/></table:table-row>')),
      expect: 'refusé',
      says: 'colonne',
    },
    {
      name: 'ods : répétitions vides (comme LibreOffice en écrit)',
      make: file('repete-vide.ods', odsTable(`${'<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'}`)),
      expect: 'lu',
    },
    { name: 'ods : text:s d’un milliard d’espaces', make: file('espaces.ods', odsTable('<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>')), expect: 'refusé', says: 'caractères' },
    { name: 'ods sans content.xml', make: file('sans-contenu.ods', zipOf({ mimetype: strToU8(ODS_MIME) })), expect: 'refusé', says: 'content.xml' },
    { name: 'ods : content.xml mal formé', make: file('mal-forme.ods', zipOf({ mimetype: strToU8(ODS_MIME), 'content.xml': strToU8('<office:document-content><office:body><table:table table:name="a"><table:table-row') })), expect: 'refusé', says: 'endommagé' },
    { name: 'ods : 800 000 balises', make: file('balises.ods', odsTable(`<table:table-row><table:table-cell office:value-type="string"><text:p>${'<text:span>a</text:span>'.repeat(8_000)}</text:p></table:table-cell></table:table-row>${many(800_000, (r) => `<table:table-column table:style-name="${r}"/>`)}`)), expect: 'lu' },
    { name: 'ods : cellule de 3 millions de caractères', make: file('cellule.ods', odsTable(`<table:table-row><table:table-cell office:value-type="string"><text:p>${letters(3_000_000)}</text:p></table:table-cell></table:table-row>`)), expect: 'refusé', says: 'caractères' },
    { name: 'ods : aucune feuille', make: file('sans-feuille.ods', ods('')), expect: 'refusé', says: 'feuille' },

    // The file system.
    {
      name: 'tube nommé (FIFO) t.xlsx',
      make: (dir) => {
        const p = join(dir, 't.xlsx');
        execFileSync('mkfifo', [p]);
        return p;
      },
      expect: 'refusé',
      says: 'FIFO',
    },
    {
      name: 'lien vers /dev/zero',
      make: (dir) => {
        const p = join(dir, 'zero.xlsx');
        symlinkSync('/dev/zero', p);
        return p;
      },
      expect: 'refusé',
      says: 'périphérique',
    },
    {
      name: 'boucle de liens symboliques',
      make: (dir) => {
        symlinkSync(join(dir, 'b.xlsx'), join(dir, 'a.xlsx'));
        symlinkSync(join(dir, 'a.xlsx'), join(dir, 'b.xlsx'));
        return join(dir, 'a.xlsx');
      },
      expect: 'refusé',
      says: 'boucle',
    },
    {
      name: 'lien cassé',
      make: (dir) => {
        symlinkSync(join(dir, 'absent.xlsx'), join(dir, 'casse.xlsx'));
        return join(dir, 'casse.xlsx');
      },
      expect: 'refusé',
      says: 'introuvable',
    },
    {
      name: 'dossier nommé x.xlsx',
      make: (dir) => {
        mkdirSync(join(dir, 'x.xlsx'));
        return join(dir, 'x.xlsx');
      },
      expect: 'refusé',
    },
    {
      name: 'nom en Latin-1',
      make: (dir) => {
        const raw = Buffer.concat([Buffer.from(join(dir, 'r')), Buffer.from([0xe9]), Buffer.from('sum.xlsx')]);
        writeFileSync(raw, rows(ROW));
        // Given through its folder: the scan reads it by its bytes.
        return dir;
      },
      expect: 'lu',
    },
    { name: 'fichier de verrou ~$ donné par son nom', make: file('~$retour.xlsx', 'verrou'), expect: 'refusé' },
  ];
  return cases;
}

function colName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
