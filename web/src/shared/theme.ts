/** PatternFly's dark theme class, on <html> while the system prefers a dark scheme. */
export const DARK_CLASS = 'pf-v6-theme-dark';

/** Follows `prefers-color-scheme`, now and whenever it changes. */
export function followColorScheme(root: HTMLElement = document.documentElement): void {
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (!query) return;
  const apply = () => root.classList.toggle(DARK_CLASS, query.matches);
  apply();
  query.addEventListener?.('change', apply);
}
