/** What a command writes to and returns: kept abstract so tests and the launcher share it. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface Command {
  /** One line for the general help. */
  readonly summary: string;
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** Exit codes: 0 no error, 1 errors found in the data, 2 unreadable input or bad usage. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
