import { describe, expect, it } from 'vitest';
import { DARK_CLASS, followColorScheme } from './theme';

describe('theme', () => {
  it("uses PatternFly's dark theme while the system prefers dark, and follows changes", () => {
    let listener: (() => void) | undefined;
    const query = { matches: true, addEventListener: (_: string, l: () => void) => (listener = l) };
    const original = window.matchMedia;
    window.matchMedia = (() => query) as unknown as typeof window.matchMedia;
    const root = document.createElement('html');
    followColorScheme(root);
    expect(root.classList.contains(DARK_CLASS)).toBe(true);
    query.matches = false;
    listener?.();
    expect(root.classList.contains(DARK_CLASS)).toBe(false);
    window.matchMedia = original;
  });
});
