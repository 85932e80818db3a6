/** The reader runs in the browser too: its folder uses no Node API and no heavy library. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../src/hosts/xlsx/read/', import.meta.url));

describe('src/hosts/xlsx/read is portable', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('has its modules', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'read-xlsx.ts', 'zip.ts', 'sheet-cells.ts']));
  });

  it.each(files)('%s imports only fflate, the core and its siblings, and no Node global', (file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec === 'fflate' || spec.startsWith('./') || spec.startsWith('../../../core/'), spec).toBe(true);
    expect(code).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
  });
});
