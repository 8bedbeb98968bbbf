// SPDX-License-Identifier: EUPL-1.2
// Who is logged in, in which municipalities, and the CSRF token the API client must echo.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { setCsrfToken } from '../api/client.ts';
import { getSession } from '../api/session.ts';
import type { Session } from '../api/types.ts';

export type SessionState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; session: Session };

interface SessionContextValue {
  state: SessionState;
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const session = await getSession();
      setCsrfToken(session.csrfToken ?? undefined);
      setState({ status: 'ready', session });
    } catch (error) {
      setCsrfToken(undefined);
      setState({ status: 'error', error });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <SessionContext.Provider value={{ state, reload }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
