/**
 * Loads Office.js only when an Office host may be around the page (see mayHaveOfficeHost), so
 * that in a plain browser — standalone mode — no request leaves the page's origin, whichever
 * Office.js the build points at (Microsoft's CDN by default). A classic, blocking script in the
 * page's <head>: document.write keeps Office.js parser-blocking, so it still runs before the
 * deferred add-in scripts, as Office requires. The URL comes from the page itself
 * (data-src, written by the build), never from the address bar.
 */
import { currentSignals, mayHaveOfficeHost } from './mode.js';

const script = document.currentScript as HTMLScriptElement | null;
const url = script?.dataset['src'];

/** The URL is the build's; only a plain https or same-origin path is accepted. */
function safeUrl(u: string | undefined): string | undefined {
  if (!u || !/^(https:\/\/[a-z0-9.-]+\/|[a-z0-9-]+\/)[\w./-]+\.js$/i.test(u)) return undefined;
  return u;
}

const src = safeUrl(url);
if (src && mayHaveOfficeHost(currentSignals())) {
  // document.write: the only way to add a parser-blocking script from <head>.
  document.write(`<script src="${src}"></script>`);
}
