import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiClient';
import { readToken, sessionChangedEvent } from '../../api/session';

/** Who is signed in (`GET /api/auth/me`). */
export interface Me {
  kind: 'user' | 'api-key';
  clinicId: string;
  email?: string;
  role?: 'manager' | 'staff';
}

/** The current token, followed across login, logout and expiry (also from another tab through storage). */
export function useToken(): string | null {
  const [token, setToken] = useState(readToken);
  const queryClient = useQueryClient();
  useEffect(() => {
    const update = () => {
      const next = readToken();
      setToken((previous) => {
        // another user's data must not stay in the cache
        if (previous !== next) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'health' });
        return next;
      });
    };
    window.addEventListener(sessionChangedEvent, update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener(sessionChangedEvent, update);
      window.removeEventListener('storage', update);
    };
  }, [queryClient]);
  return token;
}

/** The signed-in user; `isManager` decides which write actions the screens offer. */
export function useSession() {
  const token = useToken();
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: () => apiFetch<Me>('/auth/me'),
    enabled: token !== null,
    staleTime: Infinity,
  });
  return {
    token,
    me: me.data ?? null,
    loading: token !== null && me.isPending,
    isManager: me.data?.role === 'manager',
  };
}
