import { createContext, useContext } from 'react';

export type Role = 'ADMIN' | 'RECRUITER' | 'ANALYST' | 'VIEWER';

export interface Me {
  apiKeyId: string;
  role: Role;
  organizationName: string;
}

export const ME_QUERY = '{ me { apiKeyId role organizationName } }';

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in session');
  return me;
}

/** Mirrors the server's @Roles, to hide what the key may not do (the server still decides). */
export const can = {
  candidates: (role: Role) => role === 'ADMIN' || role === 'RECRUITER',
  reports: (role: Role) => role !== 'VIEWER',
  ingest: (role: Role) => role === 'ADMIN' || role === 'ANALYST',
  train: (role: Role) => role === 'ADMIN' || role === 'ANALYST',
};
