// npm start
//   Windows / macOS: office-addin-debugging starts the dev server and sideloads
//   manifest.xml into desktop Excel.
//   Linux (no desktop Excel), or `npm start -- --web` anywhere: starts the dev
//   server in the background and explains how to sideload into Excel on the web.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  DEV_SERVER_URL,
  LOG_FILE,
  ROOT,
  logLines,
  recordedPid,
  startDetached,
  stopRecorded,
  waitUntilServing,
} from "./dev-server-process.mjs";

const MANIFEST = join(ROOT, "manifest.xml");
const desktop = (process.platform === "win32" || process.platform === "darwin") && !process.argv.includes("--web");

function sideloadHelp() {
  return [
    "",
    "Excel sur le web (Microsoft 365) :",
    "  1. Ouvrez un classeur dans Excel sur le web (OneDrive ou SharePoint).",
    "  2. Insertion (ou Accueil) > Compléments > Plus de compléments > Mes compléments > Charger mon complément.",
    `  3. Choisissez ${MANIFEST} puis « Charger ».`,
    "  4. L'onglet « IAE » apparaît dans le ruban ; le bouton « Indicateurs » ouvre le volet.",
    "  Le navigateur doit faire confiance au certificat de https://localhost:3000 (voir les lignes [certificats]).",
    "",
    "Excel de bureau :",
    "  - Windows / macOS : lancez « npm start » sur ce poste (office-addin-debugging start manifest.xml).",
    "  - Windows, sans outil : placez manifest.xml dans un dossier partagé, ajoutez son chemin réseau",
    "    (\\\\poste\\dossier) dans Fichier > Options > Centre de gestion de la confidentialité > Paramètres du",
    "    Centre de gestion de la confidentialité > Catalogues de compléments approuvés, cochez « Afficher dans",
    "    le menu », redémarrez Excel puis Insertion > Mes compléments > Dossier partagé.",
    "  - macOS, sans outil : copiez manifest.xml dans ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "    puis redémarrez Excel.",
    "",
    "Arrêt du serveur : npm stop",
  ].join("\n");
}

async function startWeb() {
  const running = recordedPid();
  if (running !== undefined) {
    console.log(`Le serveur de développement tourne déjà (pid ${running}) : ${DEV_SERVER_URL}`);
    console.log(sideloadHelp());
    return 0;
  }
  console.log("Démarrage du serveur de développement (compilation en cours)…");
  const child = startDetached();
  const serving = await waitUntilServing(child, 180_000);
  const certificateLines = logLines().filter((line) => line.startsWith("[certificats]"));
  for (const line of certificateLines) console.log(line);
  if (!serving) {
    console.error(`Le serveur de développement n'a pas démarré. Fin du journal (${LOG_FILE}) :`);
    for (const line of logLines().slice(-20)) console.error(`  ${line}`);
    stopRecorded();
    return 1;
  }
  console.log(`Serveur de développement démarré (pid ${child.pid}) : ${DEV_SERVER_URL}`);
  console.log(`Journal : ${LOG_FILE}`);
  console.log(sideloadHelp());
  return 0;
}

function startDesktop() {
  const result = spawnSync(
    "npx",
    ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", "3000"],
    { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" },
  );
  if (result.status === 0) return 0;
  console.error("office-addin-debugging n'a pas pu charger le complément dans Excel de bureau.");
  console.error("Pour Excel sur le web : npm start -- --web");
  return result.status ?? 1;
}

process.exitCode = desktop ? startDesktop() : await startWeb();
