import { escapeHtml } from './error-page.js';

/** The page around oidc-provider's device forms; `form` is oidc-provider's own markup (values escaped by it). */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>authmesh - ${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>
`;
}

/** Where a user types the code a device shows (before any client is known). */
export function userCodeEntryPage(action: string, failed = false): string {
  return page(
    'Connect a device',
    `<p>${failed ? 'The code is not valid. Try again.' : 'Enter the code displayed on your device.'}</p>
<form method="get" action="${escapeHtml(action)}"><input type="text" name="user_code" autocomplete="off" autofocus><button type="submit">Continue</button></form>`,
  );
}

/** oidc-provider's user code form, with a message when the code was wrong. */
export function userCodeInputPage(form: string, failed: boolean): string {
  return page(
    'Connect a device',
    `${failed ? '<p>The code is not valid. Try again.</p>' : '<p>Enter the code displayed on your device.</p>'}${form}<button type="submit" form="op.deviceInputForm">Continue</button>`,
  );
}

/** oidc-provider's confirmation form: the user checks the code and the application. */
export function userCodeConfirmPage(form: string, application: string, userCode: string): string {
  return page(
    'Confirm the device',
    `<p><strong>${escapeHtml(application)}</strong> asks to sign in on a device showing <code>${escapeHtml(userCode)}</code>.</p>
<p>Continue only if your device shows this code.</p>${form}<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" value="yes" name="abort">Abort</button>`,
  );
}

/** Shown when the device has been signed in. */
export function deviceSuccessPage(application: string): string {
  return page('Device connected', `<p>You are signed in to ${escapeHtml(application)} on your device. You may close this window.</p>`);
}
