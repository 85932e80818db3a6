import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regex literal of src/ may meet user text (cells, headers, file names). A regex with
 * nested or adjacent unbounded quantifiers backtracks in time growing with the square (or
 * worse) of the input: 12 header cells of 32,760 spaces once took 57 s. Each literal is run
 * here on adversarial strings of 50,000 characters; a linear regex takes well under a
 * millisecond there, a quadratic one seconds, so the 200 ms bound cannot be missed by noise.
 */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const root = join(import.meta.dirname, '..', '..');

interface Literal {
  readonly where: string;
  readonly regex: RegExp;
}

export function regexLiterals(fileName: string, text: string): Literal[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText();
      const slash = lit.lastIndexOf('/');
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      // The sticky/global state would make exec start mid-string: compiled without g and y.
      const flags = lit.slice(slash + 1).replace(/[gy]/g, '');
      found.push({ where: `${fileName}:${line + 1} ${lit}`, regex: new RegExp(lit.slice(1, slash), flags) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const N = 50_000;
/** Strings that make backtracking regexes blow up: long runs, alternations, near-misses. */
const ADVERSARIAL: readonly string[] = [
  ' '.repeat(N),
  ' '.repeat(N) + '!',
  '\t \u00a0'.repeat(N / 3),
  'a'.repeat(N),
  'a'.repeat(N) + '!',
  '0'.repeat(N),
  '0'.repeat(N) + 'x',
  '1.'.repeat(N / 2),
  '1,'.repeat(N / 2),
  '1 '.repeat(N / 2) + 'x',
  'ab'.repeat(N / 2),
  '('.repeat(N),
  ')'.repeat(N),
  '(a'.repeat(N / 2),
  '[ '.repeat(N / 2),
  ' ('.repeat(N / 2),
  '_x'.repeat(N / 2),
  '_x0'.repeat(N / 3),
  '-'.repeat(N),
  '. '.repeat(N / 2),
  "'".repeat(N),
  '$A'.repeat(N / 2),
  'A1:'.repeat(N / 3),
  'é'.repeat(N),
  '\n'.repeat(N),
  ' \n'.repeat(N / 2),
  '%'.repeat(N),
  '/'.repeat(N),
  '\\'.repeat(N),
  '<a '.repeat(N / 3),
  'e'.repeat(N) + '1',
  '1e'.repeat(N / 2),
  'x'.repeat(N) + ' (y',
  'Personnes ' + ' '.repeat(N) + '(',
];

/**
 * CPU time, not wall time: a busy machine stretches the latter. A linear regex takes a few ms on
 * 50,000 characters, a quadratic one seconds: the bound sits far from both.
 */
const SLOW_CPU_MS = 1_000;
function cpuMsSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const literals = tsFiles(join(root, 'src')).flatMap((f) => regexLiterals(relative(root, f), readFileSync(f, 'utf8')));

describe('every regex of src/ is linear on adversarial text', () => {
  it('finds the regex literals (the collection itself can fail)', () => {
    expect(literals.length).toBeGreaterThan(20);
    const slow = regexLiterals('x.ts', 'const r = /^(\\s*a)*$/;');
    expect(slow).toHaveLength(1);
    // The probe detects a quadratic pattern: this one backtracks on a run of spaces.
    const c0 = process.cpuUsage();
    /\s*\(.*\)\s*$/.test(' '.repeat(20_000));
    expect(cpuMsSince(c0)).toBeGreaterThan(200);
  });

  it.each(literals.map((l) => [l.where, l.regex] as const))('%s', (_where, regex) => {
    const slow: string[] = [];
    for (const s of ADVERSARIAL) {
      const c0 = process.cpuUsage();
      regex.test(s);
      s.replace(regex, '');
      const ms = cpuMsSince(c0);
      if (ms > SLOW_CPU_MS) slow.push(`${JSON.stringify(s.slice(0, 12))}… (${s.length} car.) : ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
