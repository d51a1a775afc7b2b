import { dateCell, text } from '../kit/cells';
import type { Resource } from '../kit/resource';

/**
 * Reputation scores the flow executor keeps per username and per client address: listed,
 * and reset by deleting them. They are made by logins, never by hand.
 */
export const reputationScoreResource: Resource = {
  route: '/policy/reputation',
  api: '/api/v3/policies/reputation/scores',
  title: 'admin.reputation.title',
  singular: 'admin.reputation.singular',
  description: 'admin.reputation.description',
  ordering: '-updated',
  creatable: false,
  editable: false,
  name: (row) => (row.identifier ? String(row.identifier) : String(row.ip ?? '')),
  columns: [
    { label: 'admin.reputation.identifier', render: (row) => text(row.identifier), ordering: 'identifier' },
    { label: 'admin.reputation.ip', render: (row) => text(row.ip), ordering: 'ip' },
    { label: 'admin.reputation.score', render: (row) => text(row.score), ordering: 'score' },
    { label: 'admin.reputation.updated', render: (row) => dateCell(row.updated), ordering: 'updated' },
  ],
  filters: [
    { name: 'identifier', label: 'admin.reputation.identifier', choices: [], kind: 'text' },
    { name: 'ip', label: 'admin.reputation.ip', choices: [], kind: 'text' },
  ],
  fields: [],
};
