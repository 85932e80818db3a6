// npm stop: undoes npm start. On Windows / macOS, office-addin-debugging stops its
// dev server and removes the sideloaded add-in; everywhere, the background dev
// server recorded in .cache/dev-server.pid (Linux, --web) is ended by its pid.
import { spawnSync } from "node:child_process";
import { ROOT, recordedPid, stopRecorded } from "./dev-server-process.mjs";

if (process.platform === "win32" || process.platform === "darwin") {
  spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}

const pid = recordedPid();
if (stopRecorded()) {
  console.log(`Serveur de développement arrêté (pid ${pid}).`);
} else {
  console.log("Aucun serveur de développement lancé par « npm start » ne tourne.");
}
