import { AdminInterface } from './admin/admin-interface';
import { FlowExecutor } from './flow/flow-executor';
import { UserInterface } from './user/user-interface';

/** Which interface a path belongs to: /if/flow/<slug>/, /if/user/ or /if/admin/. */
export function route(path: string): { kind: 'flow'; slug: string } | { kind: 'user' } | { kind: 'admin' } {
  const flow = /^\/if\/flow\/([^/]+)\/?/.exec(path);
  if (flow) return { kind: 'flow', slug: decodeURIComponent(flow[1]) };
  if (path.startsWith('/if/admin')) return { kind: 'admin' };
  return { kind: 'user' };
}

/** The single-page app: one page, three interfaces. */
export function App({ path, search }: { path: string; search: string }) {
  const target = route(path);
  if (target.kind === 'flow') return <FlowExecutor slug={target.slug} query={search.replace(/^\?/, '')} />;
  if (target.kind === 'admin') return <AdminInterface />;
  return <UserInterface />;
}
