// @vitest-environment node
// Every design token the Amsterdam Design System's CSS reads for the
// components Dichtbij uses must have a value in our own theme: an
// undefined token silently drops a colour or a size.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const adsCss = readFileSync(resolve('node_modules/@amsterdam/design-system-css/dist/index.css'), 'utf8');
const ours = readFileSync(resolve('src/theme/ads-tokens.css'), 'utf8');

const kUsedComponents = [
  'alert', 'badge', 'button', 'error-message', 'field', 'field-set', 'heading', 'hint', 'label', 'link',
  'pagination', 'paragraph', 'password-input', 'select', 'skip-link', 'table', 'tabs', 'text-area', 'text-input',
];

const read = new Set([...adsCss.matchAll(/var\((--ams-[a-z0-9-]+)/g)].map((m) => m[1]!));
const definedByAds = new Set([...adsCss.matchAll(/(--ams-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!));
const definedByUs = new Set([...ours.matchAll(/(--ams-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!));

describe('theme tokens', () => {
  it.each(kUsedComponents)('defines every token of %s', (component) => {
    const missing = [...read].filter(
      (token) => token.startsWith(`--ams-${component}-`) && !definedByAds.has(token) && !definedByUs.has(token),
    );
    expect(missing).toEqual([]);
  });

  it('uses none of the City of Amsterdam’s own font or colours', () => {
    expect(ours).not.toMatch(/Amsterdam Sans/i);
    expect(ours).not.toMatch(/#ec0000/i);
  });
});
