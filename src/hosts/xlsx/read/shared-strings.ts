/** sharedStrings.xml → the table that `t="s"` cells index, scanned in chunks. */
import { endsName, rawItemText, rootPrefix, streamText } from './scan';
import { decodeCellText } from './xml-text';
import type { ZipPackage } from './zip';

export function readSharedStrings(zip: ZipPackage, part: string): string[] {
  const strings: string[] = [];
  let p: string | undefined;
  streamText(zip, part, (buf, final) => {
    p ??= rootPrefix(buf);
    if (p === undefined) return 0;
    const siOpen = `<${p}si`;
    const siClose = `</${p}si>`;
    // Only whole items are scanned now; the tail waits for the next chunk.
    const last = final ? buf.length : buf.lastIndexOf(siClose);
    if (last < 0) return 0;
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
      strings.push(decodeCellText(rawItemText(buf, gt + 1, end, p)));
      i = end + siClose.length;
    }
    return limit;
  });
  return strings;
}
