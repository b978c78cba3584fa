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

export type SecondFactorSecret = components['schemas']['SecondFactorSecret'];
export type RecoveryCodes = components['schemas']['RecoveryCodes'];

/** Starts setting up a second factor: a new secret for the authenticator app. */
export async function enrolSecondFactor(password: string): Promise<SecondFactorSecret> {
  return (await request<SecondFactorSecret>('/session/second-factor', { method: 'POST', body: { password } })).data;
}

/** Switches the second factor on with a code from the app; the recovery codes, shown once. */
export async function confirmSecondFactor(code: string): Promise<RecoveryCodes> {
  return (await request<RecoveryCodes>('/session/second-factor/confirmation', { method: 'POST', body: { code } })).data;
}
