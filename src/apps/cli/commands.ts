import type { Command } from './io.js';

/** One line per command for `iae --help`: kept here so that the general help loads no command. */
export const SUMMARIES = {
  validate: 'vérifier des classeurs de retours (fichiers ou dossiers)',
  consolidate: "consolider des retours et mesurer les objectifs du plan d'actions",
} as const;

/**
 * The CLI's commands, loaded on demand (a command pulls in the reader, the validation and the
 * consolidation: `iae --help` needs none of them). To add one, write its file (exporting
 * `command`) and add a line here and in SUMMARIES.
 */
export const COMMANDS: Record<keyof typeof SUMMARIES, () => Promise<Command>> & Record<string, (() => Promise<Command>) | undefined> = {
  validate: async () => (await import('./validate-command.js')).command,
  consolidate: async () => (await import('./consolidate.js')).command,
};
