import type { components } from './schema';
import { get } from './client';

export type Enumerations = components['schemas']['Enumerations'];
export type EnumerationName = keyof Enumerations;

export function fetchEnumerations(): Promise<Enumerations> {
  return get<Enumerations>('/enumerations');
}
