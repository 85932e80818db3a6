export declare const CLI_OUT_DIR: string;
export declare const CLI_ENTRY: string;
/** Builds the `iae` command into dist-cli/ and returns the entry's path. */
export declare function buildCli(options?: { quiet?: boolean }): Promise<string>;
