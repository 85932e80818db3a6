// Content-Security-Policy of the add-in pages (set by a <meta> tag, since the
// pages may be served by any static host). No 'unsafe-inline' anywhere: the
// pages carry no inline script or style.
import { OFFICE_JS_CDN_ORIGIN } from "./office-js.mjs";

/**
 * @param {{ officeJs: "cdn" | "local", devServerOrigin?: string }} options
 *   devServerOrigin: https origin of webpack-dev-server, whose live-reload
 *   client talks over wss:// (not covered by 'self' in every browser).
 */
export function contentSecurityPolicy({ officeJs, devServerOrigin }) {
  const office = officeJs === "cdn" ? [OFFICE_JS_CDN_ORIGIN] : [];
  const directives = {
    "default-src": ["'self'"],
    // office.js then loads its Excel host file and strings from its own origin.
    "script-src": ["'self'", ...office],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    // Excel talks to Office.js by postMessage, not by HTTP: nothing to allow
    // beyond our origin (Office.js telemetry is simply not sent).
    "connect-src": ["'self'", ...(devServerOrigin ? [devServerOrigin.replace(/^https:/, "wss:")] : [])],
    // When Excel on the web runs under a host name office.js does not know, it
    // frames its AgaveErrorUX page from its own origin to ask the user.
    "frame-src": ["'self'", ...office],
    // The engine's Web Worker: a script of the page's own origin (no blob:, no other origin).
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
