import type { PublicationSettings, Settings } from '../schema/index.js';
import { GENERATED_NOTE, specBlocks, type SpecBlock } from './blocks.js';

/** Markdown table cell: pipes and line breaks would break the table. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;

function blockLines(b: SpecBlock, out: string[]): void {
  switch (b.kind) {
    case 'title':
      out.push(`# ${b.text}`);
      return;
    case 'heading':
      out.push(`${'#'.repeat(b.level)} ${b.text}`);
      return;
    case 'paragraph':
      out.push(b.text);
      return;
    case 'list':
      for (const item of b.items) out.push(`${'  '.repeat(item.depth)}- ${item.text}`);
      return;
    case 'table':
      out.push(row(b.head));
      out.push(row(b.head.map(() => '---')));
      for (const r of b.rows) out.push(row(r));
      return;
  }
}

/** The French spec of the indicators, for networks, as Markdown: generated, never edited by hand. */
export function specMarkdown(settings: Settings, publication?: PublicationSettings): string {
  const out: string[] = [`<!-- ${GENERATED_NOTE} -->`, ''];
  for (const b of specBlocks({ settings, publication })) {
    blockLines(b, out);
    out.push('');
  }
  return out.join('\n');
}
