import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyBlueprint, type ApplyOptions, type LoadedBlueprint } from './blueprint-engine.js';
import { BlueprintError } from './blueprint-error.js';
import { BlueprintModelRegistry, type BlueprintModel } from './blueprint-models.js';
import { MAX_BLUEPRINT_BYTES, parseBlueprint } from './blueprint-parser.js';

interface Row {
  pk: number;
  [field: string]: unknown;
}

/** An in-memory model standing in for a service's repository. */
function memoryModel(name: string, aliases: string[] = []): BlueprintModel<null, Row> & { rows: Row[] } {
  const rows: Row[] = [];
  let next = 1;
  return {
    name,
    aliases,
    rows,
    find: async (_tx, identifiers) =>
      rows.find((r) => Object.entries(identifiers).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v))) ?? null,
    create: async (_tx, data) => {
      if (data.name === 'invalid') throw Object.assign(new Error('invalid'), { fields: { name: ['This name is not allowed.'] } });
      const row = { ...data, pk: next++ };
      rows.push(row);
      return row;
    },
    update: async (_tx, existing, data) => Object.assign(existing, data),
    delete: async (_tx, existing) => void rows.splice(rows.indexOf(existing), 1),
    pk: (row) => row.pk,
  };
}

function setup() {
  const groups = memoryModel('authmesh_core.group', ['authentik_core.group']);
  const users = memoryModel('authmesh_core.user', ['authentik_core.user']);
  const registry = new BlueprintModelRegistry<null>().register(groups).register(users);
  const apply = (yaml: string, extra: Partial<ApplyOptions<null>> = {}) =>
    applyBlueprint(parseBlueprint(yaml, 'test.yaml'), { tx: null, registry, env: {}, file: 'test.yaml', ...extra });
  return { groups, users, apply };
}

const head = 'version: 1\nmetadata: {name: test}\n';

describe('applyBlueprint', () => {
  it('creates, then updates on the next run, and passes primary keys through !KeyOf', async () => {
    const { groups, users, apply } = setup();
    const yaml = `${head}entries:
  - model: authentik_core.group
    id: admins
    identifiers: {name: admins}
    attrs: {is_superuser: true}
  - model: authmesh_core.user
    identifiers: {username: alice}
    attrs: {groups: [!KeyOf admins]}
`;
    const first = await apply(yaml);
    expect(first.outcomes.map((o) => o.action)).toEqual(['created', 'created']);
    expect(users.rows[0].groups).toEqual([groups.rows[0].pk]);
    const second = await apply(yaml);
    expect(second.outcomes.map((o) => o.action)).toEqual(['updated', 'updated']);
    expect(groups.rows).toHaveLength(1);
  });

  it('follows the states: created keeps, must_created refuses an existing object, absent deletes', async () => {
    const { groups, apply } = setup();
    await apply(`${head}entries:\n  - {model: authentik_core.group, identifiers: {name: g}, attrs: {v: 1}}\n`);
    await apply(`${head}entries:\n  - {model: authentik_core.group, state: created, identifiers: {name: g}, attrs: {v: 2}}\n`);
    expect(groups.rows[0].v).toBe(1);
    await expect(
      apply(`${head}entries:\n  - {model: authentik_core.group, state: must_created, identifiers: {name: g}}\n`),
    ).rejects.toThrow('test.yaml entries[0] (authentik_core.group): identifiers: the object already exists');
    await apply(`${head}entries:\n  - {model: authentik_core.group, state: absent, identifiers: {name: g}}\n`);
    expect(groups.rows).toHaveLength(0);
  });

  it('names the entry, model and field of a validation error', async () => {
    const { apply } = setup();
    await expect(
      apply(
        `${head}entries:\n  - {model: authentik_core.group, identifiers: {name: ok}}\n  - {model: authentik_core.group, identifiers: {name: invalid}}\n`,
      ),
    ).rejects.toThrow('test.yaml entries[1] (authentik_core.group): name: This name is not allowed.');
  });

  it('refuses an unknown model', async () => {
    const { apply } = setup();
    await expect(apply(`${head}entries:\n  - {model: authentik_flows.flow, identifiers: {slug: x}}\n`)).rejects.toThrow(
      'entries[0] (authentik_flows.flow): model: unknown model authentik_flows.flow',
    );
  });

  it('refuses !KeyOf to a later or missing entry', async () => {
    const { apply } = setup();
    const yaml = `${head}entries:
  - {model: authentik_core.user, identifiers: {username: bob}, attrs: {groups: [!KeyOf later]}}
  - {model: authentik_core.group, id: later, identifiers: {name: later}}
`;
    await expect(apply(yaml)).rejects.toThrow('entries[0] (authentik_core.user): !KeyOf later: no earlier entry has this id');
  });

  it('skips entries whose conditions are false', async () => {
    const { groups, apply } = setup();
    const result = await apply(
      `${head}context: {token: null}\nentries:\n  - model: authentik_core.group\n    conditions: [!If [!Context token]]\n    identifiers: {name: g}\n`,
    );
    expect(result.outcomes[0]).toMatchObject({ action: 'skipped' });
    expect(groups.rows).toHaveLength(0);
  });

  it('reads allowed environment variables, maps AUTHENTIK_ names, and refuses the rest', async () => {
    const { groups, apply } = setup();
    const env = { AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com', AUTHMESH_SECRET_KEY: 'secret' };
    await apply(`${head}entries:\n  - {model: authentik_core.group, identifiers: {name: !Env [AUTHENTIK_BOOTSTRAP_EMAIL, none]}}\n`, {
      env,
    });
    expect(groups.rows[0].name).toBe('root@example.com');
    await expect(
      apply(`${head}entries:\n  - {model: authentik_core.group, identifiers: {name: !Env AUTHMESH_SECRET_KEY}}\n`, { env }),
    ).rejects.toThrow('!Env AUTHMESH_SECRET_KEY: blueprints may only read');
  });

  it('evaluates !Format, !Condition, !Enumerate with !Index and !Value, and !Find', async () => {
    const { groups, apply } = setup();
    await apply(`${head}context: {names: [a, b]}
entries:
  - model: authentik_core.group
    id: first
    identifiers: {name: !Format ["%s-%s-%d%%", x, y, 5]}
    attrs:
      and: !Condition [AND, true, 1, "x"]
      xor: !Condition [XOR, true, true, true]
      nor: !Condition [NOR, false, 0, ""]
      list: !Enumerate [!Context names, SEQ, !Format ["%s:%s", !Index 0, !Value 0]]
      map: !Enumerate [!Context names, MAP, [!Value 0, !Index 0]]
  - model: authentik_core.group
    identifiers: {name: second}
    attrs: {found: !Find [authentik_core.group, [name, "x-y-5%"]], missing: !Find [authentik_core.group, [name, nope]]}
`);
    expect(groups.rows[0]).toMatchObject({ name: 'x-y-5%', and: true, xor: true, nor: true, list: ['0:a', '1:b'], map: { a: 0, b: 1 } });
    expect(groups.rows[1]).toMatchObject({ found: groups.rows[0].pk, missing: null });
  });

  it('applies meta blueprints first and refuses a cycle', async () => {
    const { groups, apply } = setup();
    const library: Record<string, string> = {
      'a.yaml': `${head}entries:\n  - {model: authentik_blueprints.metaapplyblueprint, attrs: {identifiers: {path: b.yaml}}}\n  - {model: authentik_core.group, identifiers: {name: from-a}}\n`,
      'b.yaml': `${head}entries:\n  - {model: authentik_core.group, identifiers: {name: from-b}}\n`,
      'c.yaml': `${head}entries:\n  - {model: authentik_blueprints.metaapplyblueprint, attrs: {identifiers: {path: c.yaml}}}\n`,
    };
    const loadBlueprint = async ({ path }: { path?: string }): Promise<LoadedBlueprint | null> =>
      path && library[path] ? { key: path, file: path, blueprint: parseBlueprint(library[path], path) } : null;
    await apply(library['a.yaml'], { loadBlueprint, file: 'a.yaml', stack: ['a.yaml'] });
    expect(groups.rows.map((g) => g.name)).toEqual(['from-b', 'from-a']);
    await expect(apply(library['c.yaml'], { loadBlueprint, file: 'c.yaml', stack: ['c.yaml'] })).rejects.toThrow(
      'meta blueprints form a cycle: c.yaml -> c.yaml',
    );
    await expect(
      apply(
        `${head}entries:\n  - {model: authentik_blueprints.metaapplyblueprint, attrs: {identifiers: {path: nope.yaml}, required: false}}\n`,
        { loadBlueprint },
      ),
    ).resolves.toBeDefined();
  });

  it('refuses a context override of the wrong type', async () => {
    const { apply } = setup();
    await expect(apply(`${head}context: {count: 3}\nentries: []\n`, { context: { count: 'three' } })).rejects.toThrow(
      'context.count: expected a number, got a string',
    );
  });
});

describe('parseBlueprint', () => {
  it.each([
    ['invalid YAML', 'version: 1\nmetadata: {name: x\n', 'invalid YAML'],
    ['an unknown tag', `${head}entries:\n  - {model: a, identifiers: {x: !Nope 1}}\n`, 'unknown tag !Nope'],
    ['a wrong version', 'version: 2\nmetadata: {name: x}\n', 'only version 1 blueprints exist'],
    ['a bad state', `${head}entries:\n  - {model: a, state: gone}\n`, 'entries[0]: state: state must be one of'],
    [
      'a bad !Condition mode',
      `${head}entries:\n  - {model: a, conditions: [!Condition [MAYBE, true]]}\n`,
      '!Condition mode must be one of',
    ],
  ])('refuses %s', (_what, yaml, message) => {
    expect(() => parseBlueprint(yaml)).toThrow(BlueprintError);
    expect(() => parseBlueprint(yaml)).toThrow(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `${head}context:\n  x: "${'a'.repeat(MAX_BLUEPRINT_BYTES)}"\n`;
    expect(() => parseBlueprint(big)).toThrow('larger than');
  });

  it('reads the reference product bootstrap blueprint', () => {
    const yaml = readFileSync(
      join(process.env.COMPAT_CORPUS_DIR ?? join(__dirname, '../../../../shared/compat/authentik-2023.10'), 'system/bootstrap.yaml'),
      'utf8',
    );
    const blueprint = parseBlueprint(yaml);
    expect(blueprint.entries.map((e) => e.model)).toEqual([
      'authentik_core.group',
      'authentik_core.user',
      'authentik_core.token',
      'authentik_blueprints.blueprintinstance',
    ]);
  });
});
