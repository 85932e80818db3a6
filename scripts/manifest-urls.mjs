// Rewrites the dev-server URLs of manifest.xml for a deployment.
// Kept apart from webpack.config.js so the offline manifest test can use it.

/** Base of every URL in the source manifest.xml. */
export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Checks and normalises a deployment base URL: absolute https, no query or
 * fragment, always ending with "/" (manifest paths are appended to it).
 * Throws an Error with a French message the build prints as is.
 */
export function normalizeBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`IAE_BASE_URL n'est pas une URL valide : « ${value} ».`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`IAE_BASE_URL doit commencer par https:// (Office refuse les compléments servis en http) : « ${value} ».`);
  }
  if (url.search || url.hash) {
    throw new Error(`IAE_BASE_URL ne doit contenir ni paramètres (?) ni ancre (#) : « ${value} ».`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every occurrence of the dev base URL by `baseUrl` (normalised). */
export function rewriteManifestUrls(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(normalizeBaseUrl(baseUrl));
}
