import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A spread into a call (`a.push(...rows)`, `Math.max(...values)`) puts every element on the
 * stack: past roughly 100,000 elements V8 throws « Maximum call stack size exceeded ». Data
 * sizes are the users', so no call in src/ spreads its arguments; loops or reduce do the same
 * work without a size cliff.
 */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const root = join(import.meta.dirname, '..');

export function spreadCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      // A tuple of fixed size may be spread when the line above says so ("spread-ok: why").
      const above = text.split('\n')[line - 1] ?? '';
      if (/\/\/\s*spread-ok:/.test(above)) return;
      found.push(`${fileName}:${line + 1}: ${node.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no spread of an array into a call in src/', () => {
  it('finds the pattern it forbids (the scan itself can fail)', () => {
    expect(spreadCalls('x.ts', 'const a: number[] = []; a.push(...[1, 2]); Math.max(...a); new Set(...[a]);')).toHaveLength(3);
    expect(spreadCalls('x.ts', '// spread-ok: a pair\nf(...[1, 2]);')).toEqual([]);
    expect(spreadCalls('x.ts', 'const a = [...[1], 2]; const o = { ...{ a } }; for (const x of a) a.push(x);')).toEqual([]);
  });

  it('src/ has none', () => {
    const offenders = tsFiles(join(root, 'src')).flatMap((f) => spreadCalls(relative(root, f), readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
