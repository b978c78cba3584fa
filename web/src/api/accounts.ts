import type { components } from './schema';
import { get, request } from './client';

export type Account = components['schemas']['Account'];
export type AccountInput = components['schemas']['AccountInput'];
export type AccountRole = Account['role'];

export function listAccounts(): Promise<{ items: Account[] }> {
  return get<{ items: Account[] }>('/accounts');
}

export async function createAccount(input: AccountInput): Promise<Account> {
  return (await request<Account>('/accounts', { method: 'POST', body: input })).data;
}

export async function setAccountDisabled(id: string, disabled: boolean): Promise<Account> {
  return (await request<Account>(`/accounts/${id}/status`, { method: 'PUT', body: { disabled } })).data;
}

export async function setAccountPassword(id: string, password: string): Promise<void> {
  await request<void>(`/accounts/${id}/password`, { method: 'PUT', body: { password } });
}

export function fetchSecondFactorRoles(): Promise<{ requiredRoles: AccountRole[] }> {
  return get<{ requiredRoles: AccountRole[] }>('/settings/second-factor');
}

export async function setSecondFactorRoles(requiredRoles: AccountRole[]): Promise<{ requiredRoles: AccountRole[] }> {
  return (await request<{ requiredRoles: AccountRole[] }>('/settings/second-factor', { method: 'PUT', body: { requiredRoles } })).data;
}
