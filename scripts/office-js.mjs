// Where the pages load Office.js from, and the subset of @microsoft/office-js
// copied when it is served locally.

export const OFFICE_JS_CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
/** Path of the local copy, relative to the site root. */
export const OFFICE_JS_LOCAL_DIR = "office-js";

/**
 * office.js only bootstraps: it then loads, from its own folder,
 *   - the host file "<host>-<platform>-<version>[-core].js" (see OSF.ConstantNames
 *     in office.debug.js), so only Excel's files for the platforms a developer can
 *     sideload on: web, Windows (16.01, and 16.00 for older builds), Mac; the
 *     "-core" variants are chosen by some hosts, hence kept;
 *   - "<locale>/office_strings.js": fr-fr for our users, en-us as its fallback.
 * Left out on purpose (the 86 MB rest): other hosts (Word, Outlook...), mobile
 * Excel (a phone cannot reach localhost), Office 2013 (o15apptofilemappingtable,
 * below ExcelApi 1.9 anyway), debug builds, telemetry sinks (optional, silently
 * skipped), webauth (SSO, unused) and the AgaveErrorUX page (untrusted hosts only).
 */
export const OFFICE_JS_LOCAL_FILES = [
  "office.js",
  "excel-web-16.00.js",
  "excel-web-16.00-core.js",
  "excel-win32-16.01.js",
  "excel-win32-16.01-core.js",
  "excel-win32-16.00.js",
  "excel-mac-16.00.js",
  "excel-mac-16.00-core.js",
  "fr-fr/office_strings.js",
  "en-us/office_strings.js",
];

/**
 * "cdn" or "local" from IAE_OFFICE_JS; defaults to the CDN in production
 * (Microsoft keeps it current) and to the local copy in development (works
 * offline, pinned to the installed version).
 */
export function officeJsMode(envValue, isProduction) {
  if (envValue === undefined || envValue === "") return isProduction ? "cdn" : "local";
  if (envValue === "cdn" || envValue === "local") return envValue;
  throw new Error(`IAE_OFFICE_JS doit valoir « cdn » ou « local », pas « ${envValue} ».`);
}
