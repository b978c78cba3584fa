import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { fetchSession, signOut as apiSignOut, type Role, type Session } from '../api/session';

interface SessionState {
  session: Session | null;
  role: Role | undefined;
  loading: boolean;
  setSession: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

async function currentSession(): Promise<Session | null> {
  try {
    return await fetchSession();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['session'], queryFn: currentSession, staleTime: 60_000 });
  const setSession = useCallback(
    (session: Session) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'enumerations' });
      client.setQueryData(['session'], session);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      client.clear();
      client.setQueryData(['session'], null);
    }
  }, [client]);
  const value = useMemo<SessionState>(
    () => ({
      session: query.data ?? null,
      role: (query.data?.account.role as Role | undefined) ?? undefined,
      loading: query.isPending,
      setSession,
      signOut,
    }),
    [query.data, query.isPending, setSession, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
