// Types for manifest-urls.mjs, imported by the TypeScript tests.
export declare const DEV_BASE_URL: string;
export declare function normalizeBaseUrl(value: string): string;
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
