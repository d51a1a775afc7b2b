#!/usr/bin/env node
// Generates TypeScript types for every .proto under proto/ into libs/rpc/src/generated.
// With --check, generates into a temporary folder and fails when the committed files differ.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(root, 'proto');
const target = join(root, 'libs/rpc/src/generated');
const check = process.argv.includes('--check');
const HEADER = '// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.\n';

function walk(dir, ext) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, ext) : path.endsWith(ext) ? [path] : [];
    })
    .sort();
}

function generate(outDir) {
  const protos = walk(protoDir, '.proto').map((p) => relative(protoDir, p));
  execFileSync(
    join(root, 'node_modules/.bin/proto-loader-gen-types'),
    [
      ...protos,
      '--grpcLib=@grpc/grpc-js',
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--keepCase',
      '--includeComments',
      '--importFileExtension=.js',
      `--outDir=${outDir}`,
      `--includeDirs=${protoDir}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // The generator names each source by absolute path; keep it relative so output does not
  // depend on where the repository is checked out.
  for (const file of walk(outDir, '.ts')) {
    const text = readFileSync(file, 'utf8').split(`${protoDir}/`).join('proto/');
    writeFileSync(file, HEADER + text);
  }
}

if (!check) {
  rmSync(target, { recursive: true, force: true });
  generate(target);
  console.log(`generated ${walk(target, '.ts').length} files into ${relative(root, target)}`);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'proto-gen-'));
try {
  generate(tmp);
  const fresh = walk(tmp, '.ts').map((f) => relative(tmp, f));
  const committed = existsSync(target) ? walk(target, '.ts').map((f) => relative(target, f)) : [];
  const stale = new Set([...fresh.filter((f) => !committed.includes(f)), ...committed.filter((f) => !fresh.includes(f))]);
  for (const f of fresh) {
    if (committed.includes(f) && readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(target, f), 'utf8')) stale.add(f);
  }
  if (stale.size > 0) {
    console.error(`generated gRPC types are stale (run npm run proto:gen):\n  ${[...stale].join('\n  ')}`);
    process.exit(1);
  }
  console.log('generated gRPC types are current');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
