import type { Command } from './io.js';

/**
 * The CLI's commands, loaded on demand. To add one, write its file (exporting `command`) and
 * add a line here.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command.js')).command,
  consolidate: async () => (await import('./consolidate.js')).command,
};
