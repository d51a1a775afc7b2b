import { Bullseye, Spinner } from '@patternfly/react-core';
import { lazy, Suspense } from 'react';
import { FlowExecutor } from './flow/flow-executor';

// The admin and user interfaces are fetched only by the pages that show them, so a login page
// loads the flow executor alone.
const AdminInterface = lazy(() => import('./admin/admin-interface').then((module) => ({ default: module.AdminInterface })));
const UserInterface = lazy(() => import('./user/user-interface').then((module) => ({ default: module.UserInterface })));

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
  return (
    <Suspense
      fallback={
        <Bullseye>
          <Spinner aria-label="Loading" />
        </Bullseye>
      }
    >
      {target.kind === 'admin' ? <AdminInterface /> : <UserInterface />}
    </Suspense>
  );
}
