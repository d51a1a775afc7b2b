import { actionOf, objectTables, relationsTo, type CatalogForeignKey, type CatalogTable, type SchemaCatalog } from './schema-catalog.js';

function catalog(tables: CatalogTable[], foreignKeys: Array<Omit<CatalogForeignKey, 'name'>>): SchemaCatalog {
  return {
    tables: new Map(tables.map((t) => [t.name, t])),
    foreignKeys: foreignKeys.map((fk, i) => ({ name: `fk${i}`, ...fk })),
  };
}

const table = (name: string, columns: string[], primaryKey = ['id']): CatalogTable => ({ name, columns, primaryKey });

// A small schema shaped like core's: users in groups (join table), tokens of users, providers
// with an OAuth2 subtype table that names a certificate, applications naming providers.
const schema = catalog(
  [
    table('users', ['id', 'username']),
    table('groups', ['id', 'name', 'parent_id']),
    table('group_members', ['group_id', 'user_id'], ['group_id', 'user_id']),
    table('tokens', ['id', 'identifier', 'user_id']),
    table('certificates', ['id', 'name']),
    table('providers', ['id', 'name', 'type']),
    table('oauth2_providers', ['provider_id', 'signing_key_id'], ['provider_id']),
    table('applications', ['id', 'name', 'provider_id']),
    table('notes', ['id', 'user_id', 'group_id', 'text']),
  ],
  [
    { table: 'groups', columns: ['parent_id'], target: 'groups', targetColumns: ['id'], onDelete: 'r' },
    { table: 'group_members', columns: ['group_id'], target: 'groups', targetColumns: ['id'], onDelete: 'c' },
    { table: 'group_members', columns: ['user_id'], target: 'users', targetColumns: ['id'], onDelete: 'c' },
    { table: 'tokens', columns: ['user_id'], target: 'users', targetColumns: ['id'], onDelete: 'c' },
    { table: 'oauth2_providers', columns: ['provider_id'], target: 'providers', targetColumns: ['id'], onDelete: 'c' },
    { table: 'oauth2_providers', columns: ['signing_key_id'], target: 'certificates', targetColumns: ['id'], onDelete: 'n' },
    { table: 'applications', columns: ['provider_id'], target: 'providers', targetColumns: ['id'], onDelete: 'n' },
    // Two foreign keys but a column of its own: an ordinary table, not a join table.
    { table: 'notes', columns: ['user_id'], target: 'users', targetColumns: ['id'], onDelete: 'd' },
    { table: 'notes', columns: ['group_id'], target: 'groups', targetColumns: ['id'], onDelete: 'a' },
  ],
);

describe('relationsTo', () => {
  it('maps PostgreSQL delete rules to used_by actions', () => {
    expect([actionOf('c'), actionOf('n'), actionOf('d'), actionOf('r'), actionOf('a')]).toEqual([
      'cascade',
      'set_null',
      'set_default',
      'restrict',
      'restrict',
    ]);
  });

  it('reports the owner side of a join table as cascade_many, and plain foreign keys by their rule', () => {
    expect(relationsTo(schema, 'users')).toEqual([
      expect.objectContaining({
        kind: 'many',
        joinTable: 'group_members',
        owner: 'groups',
        ownerJoinColumns: ['group_id'],
        action: 'cascade_many',
      }),
      expect.objectContaining({ kind: 'direct', table: 'tokens', columns: ['user_id'], action: 'cascade' }),
      expect.objectContaining({ kind: 'direct', table: 'notes', columns: ['user_id'], action: 'set_default' }),
    ]);
  });

  it('reports a self reference that blocks the delete as restrict', () => {
    const relations = relationsTo(schema, 'groups');
    expect(relations).toContainEqual(
      expect.objectContaining({ kind: 'direct', table: 'groups', columns: ['parent_id'], action: 'restrict' }),
    );
    expect(relations).toContainEqual(expect.objectContaining({ kind: 'many', owner: 'users', action: 'cascade_many' }));
    expect(relations).toContainEqual(expect.objectContaining({ kind: 'direct', table: 'notes', action: 'restrict' }));
  });

  it('treats a subtype table as part of the object, not as something that uses it', () => {
    expect(objectTables(schema, 'providers')).toEqual(['providers', 'oauth2_providers']);
    expect(relationsTo(schema, 'providers')).toEqual([
      expect.objectContaining({ kind: 'direct', table: 'applications', target: 'providers', action: 'set_null' }),
    ]);
  });

  it('names the base row when a subtype row holds the reference', () => {
    expect(relationsTo(schema, 'certificates')).toEqual([
      {
        kind: 'direct',
        table: 'oauth2_providers',
        columns: ['signing_key_id'],
        target: 'certificates',
        targetColumns: ['id'],
        action: 'set_null',
        base: { table: 'providers', columns: ['provider_id'], targetColumns: ['id'] },
      },
    ]);
  });

  it('finds nothing for a table nobody refers to', () => {
    expect(relationsTo(schema, 'applications')).toEqual([]);
  });
});
