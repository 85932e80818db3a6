// Ribbon commands "Vérifier" and "Consolider" (placeholders until the Excel host
// issue implements them). Excel has no notification API for function commands,
// so the notice is shown in a small dialog that reuses this very page
// (commands.html?avis=<command>).

const NOTICES = {
  verifier: "La vérification du classeur arrive dans une prochaine version d'Indicateurs IAE.",
  consolider: "La consolidation de plusieurs classeurs arrive dans une prochaine version d'Indicateurs IAE.",
} as const;

type Command = keyof typeof NOTICES;

const NOTICE_PARAM = "avis";

function isCommand(value: string | null): value is Command {
  return value === "verifier" || value === "consolider";
}

function showNotice(command: Command): void {
  const notice = document.getElementById("notice");
  if (!notice) return;
  notice.textContent = NOTICES[command];
  notice.hidden = false;
}

function openNotice(command: Command, event: Office.AddinCommands.Event): void {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set(NOTICE_PARAM, command);
  try {
    // completed() in every case: Excel queues the next click until it is called.
    Office.context.ui.displayDialogAsync(url.href, { height: 25, width: 35, displayInIframe: true }, () =>
      event.completed(),
    );
  } catch {
    event.completed();
  }
}

const requested = new URLSearchParams(window.location.search).get(NOTICE_PARAM);
if (isCommand(requested)) {
  showNotice(requested);
} else if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("verifier", (event: Office.AddinCommands.Event) => openNotice("verifier", event));
    Office.actions.associate("consolider", (event: Office.AddinCommands.Event) => openNotice("consolider", event));
  });
}
