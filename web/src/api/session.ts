import type { components } from './schema';
import { request } from './client';

export type Session = components['schemas']['Session'];
export type Role = 'admin' | 'coordinator' | 'professional' | 'volunteer' | 'researcher' | 'client';

export async function fetchSession(): Promise<Session> {
  return (await request<Session>('/session')).data;
}

export interface SignInInput {
  username: string;
  password: string;
  code?: string;
}

export async function signIn(input: SignInInput): Promise<Session> {
  return (await request<Session>('/session', { method: 'POST', body: input })).data;
}

export async function signOut(): Promise<void> {
  await request<void>('/session', { method: 'DELETE' });
}
