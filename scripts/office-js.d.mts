// Types for office-js.mjs, imported by the TypeScript tests.
export declare const OFFICE_JS_CDN_URL: string;
export declare const OFFICE_JS_CDN_ORIGIN: string;
export declare const OFFICE_JS_LOCAL_DIR: string;
export declare const OFFICE_JS_LOCAL_FILES: readonly string[];
export declare function officeJsMode(envValue: string | undefined, isProduction: boolean): "cdn" | "local";
