import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file below a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? '');
}

const root = join(import.meta.dirname, '..');

describe('layers', () => {
  // The schema and the core are pure: plain data in, plain data out, on any host.
  for (const layer of ['src/schema', 'src/core', 'src/spec']) {
    it(`${layer} imports no host, app, file system, DOM or Office library`, () => {
      const offenders: string[] = [];
      for (const file of tsFiles(join(root, layer))) {
        for (const spec of importsOf(file)) {
          const bad =
            spec.startsWith('node:') ||
            ['fs', 'path', 'os', 'child_process', 'exceljs', 'fflate', 'office-addin-mock'].includes(spec) ||
            /\/(hosts|apps)\//.test(spec) ||
            spec.startsWith('../hosts') ||
            spec.startsWith('../apps');
          if (bad) offenders.push(`${relative(root, file)} → ${spec}`);
        }
        const text = readFileSync(file, 'utf8');
        if (/\b(Office|Excel)\.(run|context|onReady)\b|\bdocument\.|\bwindow\./.test(text)) offenders.push(`${relative(root, file)} uses a host global`);
      }
      expect(offenders).toEqual([]);
    });
  }
});
