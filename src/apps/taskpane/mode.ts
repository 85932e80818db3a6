/**
 * Office mode or standalone mode. Office.js may be absent (page opened from a plain web server,
 * CDN unreachable) or present outside Office. In a plain browser office.js only resolves
 * Office.onReady (host null) after trying to load its Office 2013 bootstrap files, which can
 * take seconds (or never happen when they are not served): so the page first looks for the
 * host information Office always gives an add-in page — the very signals office.js reads:
 * `_host_Info` in the URL, `hostInfo` in window.name, `hostInfoValue` in sessionStorage, or a
 * desktop host object (window.external.GetHostInfo / GetContext, agaveHost). With none of them,
 * office.js itself concludes "plain browser"; the pane starts standalone at once. The manifest
 * adds its own signal, `?hote=office`, to every URL Office opens, so a change in Office's
 * internals cannot turn the add-in into a standalone page.
 */
import type { Mode } from './ports.js';

/** Guards against an Office.onReady that never answers inside a host. */
export const DETECTION_TIMEOUT_MS = 10_000;

export interface HostSignals {
  readonly search: string;
  readonly windowName: string;
  readonly sessionHostInfo: string | null;
  readonly external: unknown;
  readonly agaveHost: unknown;
}

export function currentSignals(): HostSignals {
  let sessionHostInfo: string | null = null;
  try {
    sessionHostInfo = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    // storage disabled: no signal
  }
  const w = window as unknown as { external?: unknown; agaveHost?: unknown };
  return { search: window.location.search, windowName: window.name, sessionHostInfo, external: w.external, agaveHost: w.agaveHost };
}

/** Query parameter the manifest's URLs carry (`taskpane.html?hote=office`): the signal we control. */
export const HOST_PARAM = 'hote';
export const HOST_PARAM_VALUE = 'office';

/**
 * Whether an Office host may be around this page (then Office.onReady decides). Also decides
 * whether the page loads Office.js at all (office-loader.ts): without any of these signals no
 * request leaves the page's origin.
 */
export function mayHaveOfficeHost(s: HostSignals): boolean {
  const query = new URLSearchParams(s.search);
  if (query.get(HOST_PARAM) === HOST_PARAM_VALUE || query.has('_host_Info')) return true;
  try {
    const parsed: unknown = JSON.parse(s.windowName);
    if (parsed && typeof parsed === 'object' && 'hostInfo' in parsed) return true;
  } catch {
    // window.name is not Office's JSON
  }
  if (s.sessionHostInfo) return true;
  if (s.agaveHost !== undefined && s.agaveHost !== null) return true;
  const ext = s.external as { GetHostInfo?: unknown; GetContext?: unknown } | undefined;
  return !!ext && (typeof ext.GetHostInfo === 'function' || typeof ext.GetContext !== 'undefined');
}

export function detectMode(signals: HostSignals = currentSignals(), timeoutMs = DETECTION_TIMEOUT_MS): Promise<Mode> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve('autonome');
  if (!mayHaveOfficeHost(signals)) return Promise.resolve('autonome');
  return new Promise<Mode>((resolve) => {
    const timer = setTimeout(() => resolve('autonome'), timeoutMs);
    Office.onReady((info) => {
      clearTimeout(timer);
      resolve(info.host === Office.HostType.Excel ? 'excel' : 'autonome');
    }).catch(() => {
      clearTimeout(timer);
      resolve('autonome');
    });
  });
}
