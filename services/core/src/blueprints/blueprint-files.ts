import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlueprintError, parseBlueprint, type LoadedBlueprint } from '@authmesh/blueprints';

/** The blueprints shipped with authmesh (the repository's blueprints/ folder). */
export const BUILTIN_BLUEPRINTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../blueprints');

/** Folders deeper than this are not searched for blueprints. */
const MAX_DEPTH = 4;

/**
 * Finds blueprint files for meta entries, by path (relative to one of the roots) or by
 * metadata name (searching the roots' YAML files). Paths may not leave their root.
 */
export class BlueprintFiles {
  private names?: Map<string, string>;

  constructor(private readonly roots: string[]) {}

  /** The roots for applying `file`: its own folder first, then the configured ones. */
  static around(file: string, roots: string[]): BlueprintFiles {
    return new BlueprintFiles([dirname(resolve(file)), ...roots.map((r) => resolve(r))]);
  }

  read(file: string): LoadedBlueprint {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new BlueprintError(`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
    }
    return { key: resolve(file), file, blueprint: parseBlueprint(text, file) };
  }

  async find(query: { path?: string; name?: string }): Promise<LoadedBlueprint | null> {
    if (query.path) {
      if (isAbsolute(query.path) || query.path.split(/[\\/]/).includes('..')) {
        throw new BlueprintError(`meta entries name blueprints by a path inside the blueprint folders, not "${query.path}"`);
      }
      for (const root of this.roots) {
        const candidate = join(root, query.path);
        if (existsSync(candidate) && statSync(candidate).isFile()) return this.read(candidate);
      }
      return null;
    }
    if (query.name) {
      const file = this.byName().get(query.name);
      return file ? this.read(file) : null;
    }
    return null;
  }

  private byName(): Map<string, string> {
    if (this.names) return this.names;
    this.names = new Map();
    for (const root of this.roots) {
      for (const file of yamlFiles(root, 0)) {
        try {
          const name = parseBlueprint(readFileSync(file, 'utf8'), file).metadata.name;
          if (!this.names.has(name)) this.names.set(name, file);
        } catch {
          // Files that are not valid blueprints are simply not found by name.
        }
      }
    }
    return this.names;
  }
}

/** Every YAML file under `dir`, a few levels deep. */
export function yamlFiles(dir: string, depth = 0): string[] {
  if (depth > MAX_DEPTH || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path, depth + 1);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}
