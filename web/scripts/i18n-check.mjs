// Fails when a message key used in the code is missing from the English catalog, or when a
// catalog's keys differ from the English ones (missing or left-over translations).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(web, 'src');
const catalogs = join(src, 'shared', 'i18n', 'locales');

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

// Keys appear as t('key') calls, or as string literals typed MessageKey in lookup tables.
const KEY = /\bt\(\s*'([\w.-]+)'|'((?:flow|error|user|admin|shell|locale)\.[\w.]+)'/g;
const used = new Map();
for (const file of sources(src)) {
  for (const match of readFileSync(file, 'utf8').matchAll(KEY)) {
    const key = match[1] ?? match[2];
    if (!used.has(key)) used.set(key, relative(web, file));
  }
}

const english = JSON.parse(readFileSync(join(catalogs, 'en.json'), 'utf8'));
const problems = [];
for (const [key, file] of used) if (!(key in english)) problems.push(`${file}: "${key}" is not in en.json`);
for (const name of readdirSync(catalogs).filter((n) => n.endsWith('.json') && n !== 'en.json')) {
  const catalog = JSON.parse(readFileSync(join(catalogs, name), 'utf8'));
  for (const key of Object.keys(english))
    if (typeof catalog[key] !== 'string' || !catalog[key]) problems.push(`${name}: "${key}" is not translated`);
  for (const key of Object.keys(catalog)) if (!(key in english)) problems.push(`${name}: "${key}" is not in en.json`);
}
for (const key of Object.keys(english)) if (!used.has(key)) problems.push(`en.json: "${key}" is never used`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n: ${used.size} keys used, every catalog complete`);
