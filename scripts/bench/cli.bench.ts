/**
 * CLI bench: CPU time of `iae --help` (start-up cost paid by every call) through the prebuilt
 * JavaScript (bin/iae.mjs → dist-cli/) against the same code run through tsx, and the wall time
 * of the README's main command, `npm run demo`. Goals: --help ≤ 0.4 s CPU; demo ≤ 60 s wall.
 * Run: npx tsx scripts/bench.ts cli   (BENCH_DEMO=0 to leave the demo out)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Preloaded into the measured process: prints its own CPU time (user + system) when it exits.
const REPORT_CPU = `data:text/javascript,process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('\\nCPU_MS='+((c.user+c.system)/1000)+'\\n')})`;

function cpuOf(args: readonly string[]): { cpu: number; wall: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], { cwd: root, encoding: 'utf8' });
  const wall = performance.now() - t0;
  const m = /CPU_MS=([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`échec de ${args.join(' ')} : ${r.stderr.slice(-400)}`);
  return { cpu: Number(m[1]), wall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(label: string, args: readonly string[], runs = 7): number {
  cpuOf(args); // warm the file system cache
  const samples = Array.from({ length: runs }, () => cpuOf(args));
  const cpu = median(samples.map((s) => s.cpu));
  console.log(`  ${label.padEnd(46)} CPU ${cpu.toFixed(0).padStart(5)} ms, écoulé ${median(samples.map((s) => s.wall)).toFixed(0).padStart(5)} ms (médianes de ${runs})`);
  return cpu;
}

console.log('iae --help (coût de démarrage de chaque appel) :');
const built = measure('node bin/iae.mjs --help (JavaScript livré)', ['bin/iae.mjs', '--help']);
const tsx = measure('node --import tsx src/apps/cli/main.ts --help', ['--import', 'tsx', 'src/apps/cli/main.ts', '--help']);
console.log(`  JavaScript livré : ${(built / 1000).toFixed(2)} s CPU (objectif ≤ 0,4 s) ; rapport tsx / livré : × ${(tsx / built).toFixed(2)}`);

if (process.env.BENCH_DEMO !== '0') {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'demo', '--silent'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`npm run demo a échoué : ${r.stderr.slice(-400)}`);
  console.log(`npm run demo : ${s.toFixed(1)} s écoulées (objectif ≤ 60 s sur 2 cœurs)`);
}
