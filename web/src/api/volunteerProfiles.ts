import type { components } from './schema';
import { get, request, type Page } from './client';

export type VolunteerProfile = components['schemas']['VolunteerProfile'];
export type VolunteerProfileInput = components['schemas']['VolunteerProfileInput'];

/** The profiles the caller may see: a volunteer gets their own. */
export function listVolunteerProfiles(): Promise<Page<VolunteerProfile>> {
  return get<Page<VolunteerProfile>>('/volunteer-profiles', { pageSize: 50 });
}

/** A profile as it stands, with the ETag a change must quote. */
export async function fetchVolunteerProfile(id: string): Promise<{ profile: VolunteerProfile; etag: string }> {
  const response = await request<VolunteerProfile>(`/volunteer-profiles/${id}`);
  return { profile: response.data, etag: response.headers.get('ETag') ?? '' };
}

/** Changes a profile only if nobody changed it since `etag` was read (412 otherwise). */
export async function updateVolunteerProfile(id: string, input: VolunteerProfileInput, etag: string): Promise<VolunteerProfile> {
  return (await request<VolunteerProfile>(`/volunteer-profiles/${id}`, { method: 'PUT', body: input, headers: { 'If-Match': etag } })).data;
}

/** The fields of a profile that a change sends back. */
export function profileInput(profile: VolunteerProfile): VolunteerProfileInput {
  const { id: _id, ...input } = profile;
  return input;
}
