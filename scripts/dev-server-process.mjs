// The background dev server started by `npm start` where office-addin-debugging
// does not apply (Linux, or --web): its pid lives in .cache/ so `npm stop` ends
// exactly that process, never anything found by name.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEV_SERVER_URL = "https://localhost:3000/taskpane.html";
const CACHE = join(ROOT, ".cache");
export const PID_FILE = join(CACHE, "dev-server.pid");
export const LOG_FILE = join(CACHE, "dev-server.log");

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error?.code === "EPERM";
  }
  // A dead child not yet reaped still answers signal 0: check it is no zombie.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc (macOS, Windows)
  }
}

/** Pid of the dev server a previous `npm start` left running, if any. */
export function recordedPid() {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number(readFileSync(PID_FILE, "utf8").trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  rmSync(PID_FILE, { force: true });
  return undefined;
}

/** Starts `webpack serve` detached, output to .cache/dev-server.log; returns the child. */
export function startDetached() {
  mkdirSync(CACHE, { recursive: true });
  const log = openSync(LOG_FILE, "w");
  const cli = join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [cli, "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  writeFileSync(PID_FILE, `${child.pid}\n`);
  child.unref();
  return child;
}

/** Stops the recorded dev server (its whole process group); true if one was running. */
export function stopRecorded() {
  const pid = recordedPid();
  if (pid === undefined) return false;
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    try {
      process.kill(-pid, "SIGTERM"); // detached: the child leads its own group
    } catch {
      process.kill(pid, "SIGTERM");
    }
  }
  rmSync(PID_FILE, { force: true });
  return true;
}

/** Resolves true once the page answers 200 (self-signed certificate accepted), false on timeout. */
export async function waitUntilServing(child, timeoutMs) {
  let exited = false;
  child?.once("exit", () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    const ok = await new Promise((resolve) => {
      const req = request(DEV_SERVER_URL, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
      req.on("timeout", () => req.destroy());
      req.end();
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

export function logLines() {
  return existsSync(LOG_FILE) ? readFileSync(LOG_FILE, "utf8").split("\n") : [];
}
