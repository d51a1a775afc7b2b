const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe to place in HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * The page shown at the provider when a request cannot be answered to the client (unknown
 * client, unregistered redirect URI): never a redirect, since the target is not trusted.
 */
export function renderErrorPage(error: string, description: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>authmesh - ${escapeHtml(error)}</title></head>
<body><main><h1>The application's request could not be completed</h1>
<p><code>${escapeHtml(error)}</code></p><p>${escapeHtml(description)}</p></main></body></html>
`;
}
