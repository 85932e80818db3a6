// Types for csp.mjs, imported by the TypeScript tests.
export declare function contentSecurityPolicy(options: { officeJs: "cdn" | "local"; devServerOrigin?: string }): string;
