// HTTPS certificate of the dev server, without ever needing sudo.
//
// office-addin-dev-certs' getHttpsServerOptions() insists on installing its CA in
// the system store (sudo on Linux, a prompt elsewhere) and throws when it cannot.
// Here its generateCertificates() only writes the files (~/.office-addin-dev-certs,
// the folder `npx office-addin-dev-certs install` uses), we check whether the CA
// is trusted, and tell the developer in French what to do when it is not.
// Whatever fails, the server still starts: at worst on webpack-dev-server's own
// self-signed certificate. Never a stack trace.
import { X509Certificate, createPrivateKey } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const DOMAINS = ["127.0.0.1", "localhost"];
const VALIDITY_DAYS = 30;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

const log = (line) => console.log(`[certificats] ${line}`);

function certificatePaths() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  return { dir, ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
}

/** True when the three files exist, the certificate matches its key and stays valid one more day. */
function usable(paths) {
  try {
    const cert = new X509Certificate(readFileSync(paths.cert));
    const ca = new X509Certificate(readFileSync(paths.ca));
    const key = createPrivateKey(readFileSync(paths.key));
    const tomorrow = Date.now() + ONE_DAY_MS;
    return (
      cert.checkPrivateKey(key) &&
      cert.checkIssued(ca) &&
      new Date(cert.validTo).getTime() > tomorrow &&
      new Date(ca.validTo).getTime() > tomorrow
    );
  } catch {
    return false;
  }
}

/** Runs fn with console.log muted: the package prints English progress lines. */
async function quietly(fn) {
  const original = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = original;
  }
}

/** "installed", "not-installed" or "unknown" (verification script unavailable). */
function caTrustStatus(devCerts) {
  try {
    const { status } = devCerts.getCaCertificateStatus();
    return status === "installed" || status === "not-installed" ? status : "unknown";
  } catch {
    return "unknown";
  }
}

function printTrustHelp(caPath, status) {
  const lines = [
    status === "unknown"
      ? "Impossible de vérifier si l'autorité de certification (CA) de développement est approuvée."
      : "L'autorité de certification (CA) de développement n'est pas approuvée sur ce poste :",
    "  Excel et le navigateur refuseront https://localhost:3000 tant qu'elle ne l'est pas.",
    `  Fichier de la CA : ${caPath}`,
  ];
  if (process.platform === "linux") {
    lines.push(
      "  Linux : les navigateurs ont leur propre magasin ; importez-y la CA comme « autorité » :",
      "    - Chrome / Edge : Paramètres > Confidentialité et sécurité > Sécurité > Gérer les certificats > Autorités > Importer",
      "    - Firefox : Paramètres > Vie privée et sécurité > Certificats > Afficher les certificats > Autorités > Importer",
      `    - ou en ligne de commande (Chrome) : certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Indicateurs IAE (dev)" -i "${caPath}"`,
      "    - magasin système (avec les droits administrateur) : sudo npx office-addin-dev-certs install",
    );
  } else {
    lines.push("  Windows / macOS : lancez « npx office-addin-dev-certs install » (ajoute la CA au magasin de l'utilisateur).");
  }
  lines.push("  À défaut : ouvrez une fois https://localhost:3000/taskpane.html dans le navigateur et acceptez l'avertissement.");
  for (const line of lines) log(line);
}

/**
 * HTTPS options for webpack-dev-server ({ key, cert, ca }), or null when no
 * certificate could be obtained: the caller then lets webpack-dev-server
 * generate its own self-signed one.
 */
export async function devHttpsOptions() {
  const paths = certificatePaths();
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
    if (!usable(paths)) {
      // Stale or partial files: generateCertificates() never overwrites an existing CA.
      for (const file of [paths.ca, paths.cert, paths.key]) rmSync(file, { force: true });
      await quietly(() => devCerts.generateCertificates(paths.ca, paths.cert, paths.key, VALIDITY_DAYS, DOMAINS));
      log(`Certificats de développement créés dans ${paths.dir} (valables ${VALIDITY_DAYS} jours).`);
    }
    if (!usable(paths)) throw new Error("certificats illisibles après génération");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    log(`Impossible d'obtenir les certificats office-addin-dev-certs (${reason}).`);
    log("Le serveur utilisera un certificat auto-signé généré par webpack-dev-server :");
    log("  ouvrez une fois https://localhost:3000/taskpane.html dans le navigateur et acceptez l'avertissement.");
    return null;
  }
  const status = caTrustStatus(devCerts);
  if (status === "installed") {
    log("CA de développement approuvée par le système : https://localhost:3000 est de confiance.");
    if (process.platform === "linux") {
      log(`  Si le navigateur affiche encore un avertissement, importez-y la CA comme « autorité » : ${paths.ca}`);
    }
  } else {
    printTrustHelp(paths.ca, status);
  }
  return {
    key: readFileSync(paths.key),
    cert: readFileSync(paths.cert),
    ca: existsSync(paths.ca) ? readFileSync(paths.ca) : undefined,
  };
}
