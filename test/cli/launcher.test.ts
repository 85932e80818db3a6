import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, CLI_OUT_DIR } from '../../scripts/build-cli.mjs';

// The global setup (test/setup/build-cli.ts) built dist-cli/ from src/ before this file runs.
describe('the iae command ships as JavaScript', () => {
  it('the build runs alone with plain node, in French, without a TypeScript loader', () => {
    const r = spawnSync(process.execPath, [CLI_ENTRY, '--help'], { encoding: 'utf8', timeout: 900_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage : iae <commande>');
    expect(r.stdout).toContain('consolidate');
    for (const f of readdirSync(CLI_OUT_DIR).filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(join(CLI_OUT_DIR, f), 'utf8')).not.toMatch(/from ["']tsx/);
    }
  });

  it('bin/iae.mjs runs the build and gives its exit code', () => {
    const bin = join(import.meta.dirname, '../../bin/iae.mjs');
    const r = spawnSync(process.execPath, [bin, 'commande-inconnue'], { encoding: 'utf8', timeout: 900_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Commande inconnue : « commande-inconnue »');
  });
});
