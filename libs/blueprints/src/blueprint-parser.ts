import { isMap, isScalar, isSeq, parseDocument, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { BlueprintError } from './blueprint-error.js';
import {
  BlueprintTag,
  ConditionTag,
  ContextTag,
  EnumerateTag,
  EnvTag,
  FindTag,
  FormatTag,
  IfTag,
  IndexTag,
  KeyOfTag,
  ValueTag,
} from './tags.js';

/** Largest blueprint accepted, in bytes; real ones are a few kilobytes. */
export const MAX_BLUEPRINT_BYTES = 1024 * 1024;

export const ENTRY_STATES = ['present', 'created', 'must_created', 'absent'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export interface BlueprintEntry {
  model: string;
  id?: string;
  state: EntryState;
  identifiers: Record<string, unknown>;
  attrs: Record<string, unknown>;
  conditions: unknown[];
}

export interface Blueprint {
  version: 1;
  metadata: { name: string; labels: Record<string, string> };
  context: Record<string, unknown>;
  entries: BlueprintEntry[];
}

/** Plain JS value of a node whose tags are already resolved into BlueprintTag objects. */
function valueOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node) || isMap(node)) return node.toJSON();
  return node;
}

function seqItems(seq: YAMLSeq): unknown[] {
  return seq.items.map(valueOf);
}

function scalarTag(tag: string, build: (value: string) => BlueprintTag): ScalarTag {
  return { tag, resolve: (value: string) => build(value) } as ScalarTag;
}

function seqTag(tag: string, build: (items: unknown[]) => BlueprintTag): CollectionTag {
  return { tag, collection: 'seq', resolve: (seq: YAMLSeq) => build(seqItems(seq)) } as unknown as CollectionTag;
}

function asName(value: unknown, tag: string): string {
  if (typeof value !== 'string' || value === '') throw new BlueprintError(`${tag} expects a name`);
  return value;
}

function asDepth(value: string, tag: string): number {
  const depth = value === '' ? 0 : Number(value);
  if (!Number.isInteger(depth) || depth < 0) throw new BlueprintError(`${tag} expects a depth (0, 1, ...)`);
  return depth;
}

/** The reference product's custom YAML tags, each as a scalar and/or a sequence form. */
const TAGS = [
  scalarTag('!KeyOf', (v) => new KeyOfTag(asName(v, '!KeyOf'))),
  scalarTag('!Env', (v) => new EnvTag(asName(v, '!Env'))),
  seqTag('!Env', (items) => new EnvTag(asName(items[0], '!Env'), items.length > 1 ? items[1] : '')),
  scalarTag('!Context', (v) => new ContextTag(asName(v, '!Context'))),
  seqTag('!Context', (items) => new ContextTag(asName(items[0], '!Context'), items.length > 1 ? items[1] : null)),
  seqTag('!Format', ([format, ...args]) => new FormatTag(format, args)),
  seqTag('!Find', ([model, ...query]) => new FindTag(model, query)),
  seqTag('!If', (items) => {
    if (items.length < 1 || items.length > 3) throw new BlueprintError('!If expects [condition, value if true, value if false]');
    return new IfTag(items[0], items.length > 1 ? items[1] : true, items.length > 2 ? items[2] : null);
  }),
  seqTag('!Condition', ([mode, ...values]) => new ConditionTag(String(mode), values)),
  seqTag('!Enumerate', (items) => {
    const [iterable, output, body] = items;
    if (items.length !== 3 || (output !== 'SEQ' && output !== 'MAP'))
      throw new BlueprintError('!Enumerate expects [iterable, SEQ or MAP, body]');
    return new EnumerateTag(iterable, output, body);
  }),
  scalarTag('!Index', (v) => new IndexTag(asDepth(v, '!Index'))),
  scalarTag('!Value', (v) => new ValueTag(asDepth(v, '!Value'))),
];

const entrySchema = z.object({
  model: z.string().min(1, 'model is required'),
  id: z.string().min(1).optional(),
  state: z.enum(ENTRY_STATES, `state must be one of ${ENTRY_STATES.join(', ')}`).default('present'),
  identifiers: z.record(z.string(), z.unknown()).default({}),
  attrs: z
    .record(z.string(), z.unknown())
    .nullable()
    .default({})
    .transform((a) => a ?? {}),
  conditions: z.array(z.unknown()).default([]),
});

const blueprintSchema = z.object({
  version: z.literal(1, 'only version 1 blueprints exist'),
  metadata: z.object({ name: z.string().min(1, 'metadata.name is required'), labels: z.record(z.string(), z.string()).default({}) }),
  context: z
    .record(z.string(), z.unknown())
    .nullable()
    .default({})
    .transform((c) => c ?? {}),
  entries: z
    .array(z.unknown())
    .nullable()
    .default([])
    .transform((e) => e ?? []),
});

/**
 * Parses blueprint YAML into entries whose tag values are BlueprintTag objects, resolved
 * later while applying. Throws BlueprintError naming the problem (and the entry, when the
 * problem is in one).
 */
export function parseBlueprint(text: string, file?: string): Blueprint {
  if (Buffer.byteLength(text, 'utf8') > MAX_BLUEPRINT_BYTES) {
    throw new BlueprintError(`the blueprint is larger than ${MAX_BLUEPRINT_BYTES / 1024} KiB`, { file });
  }
  let document;
  try {
    document = parseDocument(text, { customTags: TAGS, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (error instanceof BlueprintError) throw error.within({ file });
    throw new BlueprintError(`invalid YAML: ${(error as Error).message}`, { file });
  }
  const problem = document.errors[0] ?? document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const unknownTag = /Unresolved tag: (\S+)/.exec(problem.message);
    const reason = unknownTag ? `unknown tag ${unknownTag[1]}` : `invalid YAML: ${problem.message.split('\n')[0]}`;
    throw new BlueprintError(reason, { file });
  }
  let root: unknown;
  try {
    root = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new BlueprintError(`invalid YAML: ${(error as Error).message}`, { file });
  }
  const parsed = blueprintSchema.safeParse(root);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BlueprintError(issue.message, { file, field: issue.path.join('.') || undefined });
  }
  const entries = parsed.data.entries.map((raw, index) => {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      throw new BlueprintError(issue.message, { file, entry: index, field: issue.path.join('.') || undefined });
    }
    return entry.data;
  });
  return { version: 1, metadata: parsed.data.metadata, context: parsed.data.context, entries };
}
