/**
 * `iae`: the command-line tool of Indicateurs IAE. Dispatches to the commands of COMMANDS.
 * Run by bin/iae.mjs, or directly with `npx tsx src/apps/cli/main.ts`.
 */
import { pathToFileURL } from 'node:url';
import { COMMANDS, SUMMARIES } from './commands.js';
import { EXIT_USAGE, type CliIo } from './io.js';
import { useNativeZip } from '../../hosts/xlsx/native-zip-codec.js';
import { defaultZipCodec, setDefaultZipCodec } from '../../hosts/xlsx/read/zip-codec.js';

async function generalHelp(): Promise<string> {
  const lines = ['Usage : iae <commande> [options]', '', 'Commandes :'];
  for (const [name, summary] of Object.entries(SUMMARIES)) lines.push(`  ${name.padEnd(12)} ${summary}`);
  lines.push('', 'Aide d\'une commande : iae <commande> --help');
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  // Node's zlib for the CRC and the small parts: same grids and errors as fflate, faster. Put
  // back afterwards, so that a process calling main() (tests, scripts) keeps its own default.
  const previous = defaultZipCodec();
  useNativeZip();
  try {
    return await dispatch(argv, io);
  } finally {
    setDefaultZipCodec(previous);
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'aide') {
    io[name === undefined ? 'err' : 'out'](`${await generalHelp()}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Commande inconnue : « ${name} ».\n\n${await generalHelp()}\n`);
    return EXIT_USAGE;
  }
  return (await load()).run(rest, io);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Erreur inattendue : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
