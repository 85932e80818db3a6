// Task pane entry point (placeholder until the task pane issue replaces it).
import "./taskpane.css";

const APP_TITLE = "Indicateurs IAE";

type Mode = "excel" | "autonome";

const STATUS: Record<Mode, string> = {
  excel: "Connecté à Excel.",
  autonome: "Mode autonome : ouvert hors d'Excel, le classeur n'est pas accessible.",
};

function render(mode: Mode): void {
  // textContent only: nothing here is ever parsed as HTML.
  const title = document.getElementById("app-title");
  if (title) title.textContent = APP_TITLE;
  const status = document.getElementById("app-status");
  if (status) status.textContent = STATUS[mode];
}

// Office.js may be absent (page opened from disk, CDN unreachable): stay usable.
if (typeof Office === "undefined") {
  render("autonome");
} else {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel ? "excel" : "autonome"));
}
