/**
 * WAI-ARIA tabs with a roving tabindex: Tab reaches the selected tab only, the arrow keys
 * (and Home/End) move between tabs and select them, the panel follows.
 */
export function initTabs(tablist: HTMLElement, onSelect?: (id: string) => void): (id: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onSelect?.(tab.id);
  };

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const to =
        event.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
        : event.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
        : event.key === 'Home' ? tabs[0]
        : event.key === 'End' ? tabs[tabs.length - 1]
        : undefined;
      if (!to) return;
      event.preventDefault();
      select(to, true);
    });
  }

  return (id: string) => {
    const tab = tabs.find((t) => t.id === id);
    if (tab) select(tab, false);
  };
}
