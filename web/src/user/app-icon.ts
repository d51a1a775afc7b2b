/**
 * The image URL of an application's icon, or undefined when it is not an image we may load:
 * only http(s) URLs and same-site paths. `fa://` icon names, `javascript:`, `data:` and other
 * schemes fall back to the application's initial.
 */
export function iconImageUrl(icon: string): string | undefined {
  const value = icon.trim();
  if (!value) return undefined;
  if (value.startsWith('/')) return value.startsWith('//') ? undefined : value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The launch URL a card may open: http(s) or a same-site path, else undefined. */
export function launchTarget(url: string | null | undefined): string | undefined {
  return url ? iconImageUrl(url) : undefined;
}
