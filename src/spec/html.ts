import { SCHEMA_VERSION, type PublicationSettings, type Settings } from '../schema/index.js';
import { GENERATED_NOTE, specBlocks, type SpecBlock } from './blocks.js';

/**
 * The spec as a printable French HTML page (shipped with the build, printed to PDF): the same
 * blocks as the Markdown. Every text is escaped before the inline `code` and **bold** marks are
 * turned into tags, so nothing read from the schema can become markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Escaped text with `code` and **bold** as <code> and <strong>. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/** An id for a heading: its words, lower case, no accents. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function listHtml(items: Extract<SpecBlock, { kind: 'list' }>['items']): string {
  // Nested lists from depths: a deeper item opens a list inside the open item, a shallower one closes them.
  const out: string[] = [];
  let depth = -1;
  for (const item of items) {
    if (item.depth > depth) for (let d = depth; d < item.depth; d++) out.push('<ul>');
    else {
      out.push('</li>');
      for (let d = depth; d > item.depth; d--) out.push('</ul></li>');
    }
    out.push(`<li>${inline(item.text)}`);
    depth = item.depth;
  }
  if (depth >= 0) out.push('</li>');
  for (let d = depth; d > 0; d--) out.push('</ul></li>');
  if (depth >= 0) out.push('</ul>');
  return out.join('');
}

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 20pt; margin: 0 0 .5rem; }
  h2 { font-size: 14pt; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #1f4e79; color: #1f4e79; break-after: avoid; }
  h3 { font-size: 11.5pt; margin: 1.1rem 0 .4rem; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 9pt; }
  th, td { border: 1px solid #9aa5b1; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #e8eef5; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  code { font-family: Consolas, "Liberation Mono", monospace; font-size: .92em; background: #f2f4f7; padding: 0 2px; }
  ul { margin: .3rem 0 .6rem; padding-left: 1.4rem; }
  li { margin: .15rem 0; }
  nav ol { columns: 2; font-size: 9.5pt; }
  .meta { background: #f5f7fa; border: 1px solid #d0d7de; padding: .4rem .8rem; }
  @media print { body { padding: 0; max-width: none; } nav { break-after: page; } a { color: inherit; text-decoration: none; } }
`;

/** The whole page. */
export function specHtml(settings: Settings, publication?: PublicationSettings): string {
  const blocks = specBlocks({ settings, publication });
  const body: string[] = [];
  const toc: string[] = [];
  let title = '';
  let first = true;
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        title = b.text;
        body.push(`<h1>${inline(b.text)}</h1>`);
        break;
      case 'heading': {
        const id = slug(b.text);
        if (b.level === 2) toc.push(`<li><a href="#${id}">${inline(b.text)}</a></li>`);
        body.push(`<h${b.level} id="${id}">${inline(b.text)}</h${b.level}>`);
        break;
      }
      case 'paragraph':
        body.push(`<p>${inline(b.text)}</p>`);
        break;
      case 'list':
        // The first list, under the title, is the document's identification block.
        body.push(first ? `<div class="meta">${listHtml(b.items)}</div>` : listHtml(b.items));
        first = false;
        break;
      case 'table':
        body.push(
          `<table><thead><tr>${b.head.map((h) => `<th>${inline(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
        break;
    }
  }
  // The table of contents goes after the identification block and the introduction.
  const intro = body.findIndex((line) => line.startsWith('<h2'));
  body.splice(intro, 0, `<nav aria-label="Sommaire"><h2 id="sommaire">Sommaire</h2><ol>${toc.join('')}</ol></nav>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    `<!-- ${escapeHtml(GENERATED_NOTE)} -->`,
    `<title>${escapeHtml(title)} (version ${escapeHtml(SCHEMA_VERSION)})</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
