/** sharedStrings.xml → the table that `t="s"` cells index, scanned in chunks. */
import { formatCount, ReadLimitError } from './limits';
import { endsName, rawItemText, rootPrefix, streamText } from './scan';
import { decodeCellText } from './xml-text';
import type { ZipPackage } from './zip';

export function readSharedStrings(zip: ZipPackage, part: string, maxItemChars: number): string[] {
  const strings: string[] = [];
  let p: string | undefined;
  /** Set while the text kept for the next chunk is the start of an item: wait for its end. */
  let itemPending = false;
  const tooLong = () =>
    `un texte partagé (n° ${formatCount(strings.length + 1)}) dépasse ${formatCount(maxItemChars)} caractères (limite de lecture ; Excel n’en accepte que 32 767 dans une cellule). Raccourcissez-le.`;
  streamText(
    zip,
    part,
    (buf, final) => {
      itemPending = false;
      p ??= rootPrefix(buf);
      if (p === undefined) return 0;
      const siOpen = `<${p}si`;
      const siClose = `</${p}si>`;
      // Only whole items are scanned now; the tail waits for the next chunk.
      const last = final ? buf.length : buf.lastIndexOf(siClose);
      if (last < 0) {
        itemPending = buf.includes(siOpen);
        return 0;
      }
      const limit = final ? buf.length : last + siClose.length;
      let i = 0;
      for (;;) {
        const si = buf.indexOf(siOpen, i);
        if (si < 0 || si >= limit) break;
        if (!endsName(buf, si + siOpen.length)) {
          i = si + siOpen.length;
          continue;
        }
        const gt = buf.indexOf('>', si);
        if (gt < 0) break;
        if (buf.charCodeAt(gt - 1) === 47 /* <si/> */) {
          strings.push('');
          i = gt + 1;
          continue;
        }
        const end = buf.indexOf(siClose, gt);
        if (end < 0) break;
        if (end - gt > maxItemChars) throw new ReadLimitError(tooLong());
        strings.push(decodeCellText(rawItemText(buf, gt + 1, end, p)));
        i = end + siClose.length;
      }
      let k = limit;
      while (k < buf.length && /\s/.test(buf[k]!)) k++;
      itemPending = buf.startsWith(siOpen, k);
      return limit;
    },
    () => (itemPending ? `</${p}si>` : undefined),
    { chars: maxItemChars, detail: tooLong },
  );
  return strings;
}
