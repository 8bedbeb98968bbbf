// SPDX-License-Identifier: EUPL-1.2
// A meeting page reloaded without a network (issue 11 §3): the service worker (sw.js) answered with
// the app shell, the session could not be asked for, but this browser has the meeting saved
// (offline.ts) — so the saved agenda and papers show, read only, as on the open page. When the
// server answers again the whole page reloads, to get the session (and its CSRF token) back.
// A meeting never saved here gets the network error as before.
import { useState } from 'react';
import type { Tenant } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { useLoad } from '../session/useLoad.ts';
import { browserDeps, savedMeeting } from './offline.ts';
import { WorkspaceMeetingPage } from './WorkspaceMeetingPage.tsx';

const reloadPage = () => location.reload();

export function OfflineMeetingPage({ tenant, id, error }: { tenant: Tenant; id: string; error: unknown }) {
  const [deps] = useState(browserDeps);
  const [saved] = useLoad(async () => (deps ? ((await savedMeeting(deps, tenant.slug, id)) ?? null) : null), [tenant.slug, id]);
  if (saved.status === 'loading') return <Loading />;
  if (saved.status === 'error' || !saved.data) return <ErrorState error={error} onRetry={reloadPage} tenant={tenant} />;
  return <WorkspaceMeetingPage tenant={tenant} id={id} onOnline={reloadPage} />;
}
