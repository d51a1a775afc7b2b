#!/usr/bin/env node
// Generates TypeScript types for every .proto under proto/ into libs/rpc/src/generated, with
// @grpc/proto-loader's own generator (no protoc needed). The output is committed, so services
// compile without running this first.
//
//   node scripts/proto-gen.mjs           regenerate libs/rpc/src/generated
//   node scripts/proto-gen.mjs --check   generate into a temporary folder and exit 1, naming
//                                        the stale files, when the committed output differs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(root, 'proto');
const target = join(root, 'libs/rpc/src/generated');
const check = process.argv.includes('--check');
const HEADER = '// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.\n';

// Run the generator's script with this node, not the .bin shim, so it works wherever node does.
const generator = createRequire(import.meta.url).resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

// These must match LOADER_OPTIONS in libs/rpc/src/proto-loader.ts: the types describe what the
// runtime loader produces (string longs and enums, defaults filled, oneof names set).
const GENERATOR_OPTIONS = [
  '--grpcLib=@grpc/grpc-js',
  '--longs=String',
  '--enums=String',
  '--defaults',
  '--oneofs',
  '--keepCase',
  '--includeComments',
  // Our sources are ESM under NodeNext, where relative imports need their .js suffix.
  '--importFileExtension=.js',
];

/** Every file under `dir` ending in `ext`, sorted, so runs are deterministic. */
function walk(dir, ext) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, ext) : path.endsWith(ext) ? [path] : [];
    });
}

/** Generates the types for every proto into `outDir` and post-processes them. */
function generate(outDir) {
  const protos = walk(protoDir, '.proto').map((p) => relative(protoDir, p).split(sep).join('/'));
  execFileSync(process.execPath, [generator, ...protos, ...GENERATOR_OPTIONS, `--outDir=${outDir}`, `--includeDirs=${protoDir}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const file of walk(outDir, '.ts')) {
    // The generator names each source by absolute path; keep it relative so the output does
    // not depend on where the repository is checked out.
    const text = readFileSync(file, 'utf8').split(`${protoDir}${sep}`).join('proto/');
    writeFileSync(file, HEADER + text);
  }
}

/** Relative paths of the files that differ between the two generated trees. */
function staleFiles(fresh, committed) {
  const freshFiles = walk(fresh, '.ts').map((f) => relative(fresh, f));
  const committedFiles = existsSync(committed) ? walk(committed, '.ts').map((f) => relative(committed, f)) : [];
  const stale = new Set([
    ...freshFiles.filter((f) => !committedFiles.includes(f)).map((f) => `${f} (missing)`),
    ...committedFiles.filter((f) => !freshFiles.includes(f)).map((f) => `${f} (no longer generated)`),
  ]);
  for (const f of freshFiles) {
    if (committedFiles.includes(f) && readFileSync(join(fresh, f), 'utf8') !== readFileSync(join(committed, f), 'utf8')) {
      stale.add(`${f} (differs)`);
    }
  }
  return [...stale].sort();
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
  const stale = staleFiles(tmp, target);
  if (stale.length > 0) {
    console.error(`generated gRPC types in ${relative(root, target)} are stale; run npm run proto:gen:\n  ${stale.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('generated gRPC types are current');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
