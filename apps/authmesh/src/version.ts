import { readFileSync } from 'node:fs';

/** The authmesh version, from this package's manifest. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
