import type { components } from './schema';
import { get } from './client';

export type Person = components['schemas']['Person'];

export function fetchPerson(id: string): Promise<Person> {
  return get<Person>(`/persons/${id}`);
}
