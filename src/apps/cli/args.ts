/**
 * One argument parser for every command: node:util parseArgs (strict), with its English
 * errors turned into French sentences naming the option.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** French: what a string option expects, said when its value is missing or empty. */
  readonly missing?: string;
}

export type ParsedArgs = {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
};

const quoted = (message: string): string | undefined => /'([^']+)'/.exec(message)?.[1];

/** The options and positionals, or a French message for an unknown option or a missing value. */
export function parseCommandArgs(args: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedArgs | { readonly error: string } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, s] of Object.entries(specs)) options[name] = { type: s.type, ...(s.short ? { short: s.short } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([\w-]+)/.exec(message)?.[1] ?? '';
      // "Option '--json' does not take an argument": a value given to a flag.
      if (/does not take an argument/.test(message)) return { error: `L'option « --${name} » ne prend pas de valeur.` };
      // "Option '--out <value>' argument missing" or "… argument is ambiguous": the value is missing.
      return { error: specs[name]?.missing ?? `--${name} attend une valeur.` };
    }
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const option = quoted(message) ?? message;
      return { error: `Option inconnue : « ${option} ».` };
    }
    return { error: `Arguments non compris : ${message}` };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  // "--out=" gives an empty value: as missing as no value at all.
  for (const [name, s] of Object.entries(specs)) {
    if (s.type === 'string' && values[name] === '') return { error: s.missing ?? `--${name} attend une valeur.` };
  }
  return { values, positionals: parsed.positionals };
}

export const isArgsError = (p: ParsedArgs | { readonly error: string }): p is { readonly error: string } => 'error' in p;
