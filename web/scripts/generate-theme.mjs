// Writes src/theme/ads-tokens.css: a value for every design token
// (--ams-*) the Amsterdam Design System's CSS reads, in Dichtbij's own
// theme. The City's tokens package, font and logo are proprietary, so we
// do not use them; instead each component token is derived from a small
// set of our own base tokens (src/theme/base.css) by the rules below, with
// explicit exceptions where a rule would be wrong. Run it after upgrading
// @amsterdam/design-system-css; src/theme/tokens.test.ts fails while a
// token the CSS reads has no value.
import { readFile, writeFile } from 'node:fs/promises';

const cssPath = new URL('../node_modules/@amsterdam/design-system-css/dist/index.css', import.meta.url);
const css = await readFile(cssPath, 'utf8');
const read = new Set([...css.matchAll(/var\((--ams-[a-z0-9-]+)/g)].map((m) => m[1]));
const defined = new Set([...css.matchAll(/(--ams-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));

// Exact values that no suffix rule gets right.
const exact = {
  '--ams-space-xs': '0.25rem',
  '--ams-space-s': '0.5rem',
  '--ams-space-m': '1rem',
  '--ams-space-l': '1.5rem',
  '--ams-space-xl': '2rem',
  '--ams-space-2xl': '3rem',
  '--ams-border-width-m': '2px',
  '--ams-line-height': '1.5',
  '--ams-heading-1-font-size': 'var(--db-font-size-5)',
  '--ams-heading-2-font-size': 'var(--db-font-size-4)',
  '--ams-heading-3-font-size': 'var(--db-font-size-3)',
  '--ams-heading-4-font-size': 'var(--db-font-size-2)',
  '--ams-heading-5-font-size': 'var(--db-font-size-1)',
  '--ams-paragraph-large-font-size': 'var(--db-font-size-2)',
  '--ams-paragraph-small-font-size': 'var(--db-font-size-0)',
  '--ams-icon-small-font-size': 'var(--db-font-size-0)',
  '--ams-icon-large-font-size': 'var(--db-font-size-2)',
  '--ams-icon-heading-1-font-size': 'var(--db-font-size-5)',
  '--ams-icon-heading-2-font-size': 'var(--db-font-size-4)',
  '--ams-icon-heading-3-font-size': 'var(--db-font-size-3)',
  '--ams-icon-heading-4-font-size': 'var(--db-font-size-2)',
  '--ams-icon-heading-5-font-size': 'var(--db-font-size-1)',
  '--ams-badge-font-size': 'var(--db-font-size-0)',
  '--ams-table-cell-border-block-end': '1px solid var(--db-color-border-subtle)',
  '--ams-field-invalid-border-inline-start': '4px solid var(--db-color-error)',
  '--ams-field-set-invalid-border-inline-start': '4px solid var(--db-color-error)',
  '--ams-field-invalid-padding-inline-start': 'var(--ams-space-m)',
  '--ams-field-set-invalid-padding-inline-start': 'var(--ams-space-m)',
  '--ams-page-max-inline-size': '90rem',
  '--ams-page-with-menu-max-inline-size': '100rem',
  '--ams-tabs-list-box-shadow': 'inset 0 -2px 0 var(--db-color-border-subtle)',
  '--ams-tabs-button-selected-box-shadow': 'inset 0 -4px 0 var(--db-color-primary)',
  '--ams-tabs-button-hover-box-shadow': 'inset 0 -4px 0 var(--db-color-border)',
  '--ams-button-secondary-hover-box-shadow': 'inset 0 0 0 1px var(--db-color-primary)',
  '--ams-select-background-image': 'var(--db-select-arrow)',
  '--ams-select-hover-background-image': 'var(--db-select-arrow)',
  '--ams-select-disabled-background-image': 'var(--db-select-arrow)',
  '--ams-select-background-position': 'right var(--ams-space-s) center',
  '--ams-select-rtl-background-position': 'left var(--ams-space-s) center',
  '--ams-grid-column-count': '4',
  '--ams-grid-medium-column-count': '8',
  '--ams-grid-wide-column-count': '12',
  '--ams-grid-vi-medium-column-count': '8',
  '--ams-grid-vi-wide-column-count': '12',
  '--ams-description-list-narrow-grid-template-columns': 'minmax(6rem, 1fr) 4fr',
  '--ams-description-list-medium-grid-template-columns': 'minmax(8rem, 1fr) 2fr',
  '--ams-description-list-wide-grid-template-columns': '1fr 1fr',
  '--ams-description-list-vi-medium-narrow-grid-template-columns': 'minmax(6rem, 1fr) 4fr',
  '--ams-description-list-vi-medium-medium-grid-template-columns': 'minmax(8rem, 1fr) 2fr',
  '--ams-description-list-vi-medium-wide-grid-template-columns': '1fr 1fr',
  '--ams-typography-hyphenate-limit-chars': '10 4 4',
  '--ams-typography-italic-font-style': 'italic',
  '--ams-alert-severity-indicator-background-color': 'var(--db-color-primary)',
  '--ams-alert-error-severity-indicator-background-color': 'var(--db-color-error)',
  '--ams-alert-success-severity-indicator-background-color': 'var(--db-color-success)',
  '--ams-alert-warning-severity-indicator-background-color': 'var(--db-color-warning)',
  '--ams-alert-border-color': 'var(--db-color-primary)',
  '--ams-alert-error-border-color': 'var(--db-color-error)',
  '--ams-alert-success-border-color': 'var(--db-color-success)',
  '--ams-alert-warning-border-color': 'var(--db-color-warning)',
  '--ams-skip-link-background-color': 'var(--db-color-primary)',
  '--ams-skip-link-hover-background-color': 'var(--db-color-primary-hover)',
  '--ams-skip-link-color': 'var(--db-color-on-primary)',
  '--ams-pagination-link-current-background-color': 'var(--db-color-primary)',
  '--ams-pagination-link-current-hover-background-color': 'var(--db-color-primary-hover)',
  '--ams-pagination-link-current-color': 'var(--db-color-on-primary)',
  '--ams-pagination-link-current-hover-color': 'var(--db-color-on-primary)',
  '--ams-pagination-link-min-block-size': '2.75rem',
  '--ams-pagination-link-min-inline-size': '2.75rem',
  '--ams-text-area-min-block-size': '6rem',
  // Badges: a light tint with dark text, each at least 7:1.
  '--ams-badge-background-color': '#e4e7ea',
  '--ams-badge-color': 'var(--db-color-text)',
  '--ams-badge-azure-background-color': '#d6e6f5',
  '--ams-badge-azure-color': '#0b2f4d',
  '--ams-badge-lime-background-color': '#dcefd9',
  '--ams-badge-lime-color': '#173d14',
  '--ams-badge-magenta-background-color': '#f5dcec',
  '--ams-badge-magenta-color': '#4d0f33',
  '--ams-badge-orange-background-color': '#fbe3cf',
  '--ams-badge-orange-color': '#4f2400',
  '--ams-badge-purple-background-color': '#e7def5',
  '--ams-badge-purple-color': '#2e1656',
  '--ams-badge-red-background-color': '#f8dcdb',
  '--ams-badge-red-color': '#5c0f0c',
  '--ams-badge-yellow-background-color': '#fbf0c4',
  '--ams-badge-yellow-color': '#3d3100',
  '--ams-badge-padding-inline': 'var(--ams-space-s)',
  '--ams-badge-font-weight': '700',
};

// [pattern on the token name, value], first match wins.
const rules = [
  [/font-family$/, 'var(--db-font-family)'],
  [/(heading|term|label|legend|caption|header-cell|button|current|selected|badge|skip-link).*font-weight$|(heading|button)-font-weight$/, '700'],
  [/font-weight$/, '400'],
  [/(heading-[12]|heading)-line-height$/, '1.25'],
  [/line-height$/, '1.5'],
  [/font-size$/, 'var(--db-font-size-1)'],
  [/font-style$/, 'normal'],
  [/primary-disabled-(background|border)-color$/, '#8a939c'],
  [/disabled-background-color$/, 'var(--db-color-surface)'],
  [/disabled-border-color$/, 'var(--db-color-border-subtle)'],
  [/(inverse|on-primary)(-hover)?-(color)$/, 'var(--db-color-on-primary)'],
  [/primary(-hover)?-color$/, 'var(--db-color-on-primary)'],
  [/(disabled|placeholder|ellipsis).*color$|color.*disabled$/, 'var(--db-color-text-muted)'],
  [/(invalid|error).*border-color$/, 'var(--db-color-error)'],
  [/(error|invalid).*-color$/, 'var(--db-color-error)'],
  [/primary-hover-(background|border)-color$/, 'var(--db-color-primary-hover)'],
  [/primary-(background|border)-color$/, 'var(--db-color-primary)'],
  [/disabled-(background|border)-color$/, 'var(--db-color-surface)'],
  [/secondary-(border)-color$/, 'var(--db-color-primary)'],
  [/(hover|active)-background-color$/, 'var(--db-color-surface)'],
  [/background-color$/, 'var(--db-color-background)'],
  [/border-color$/, 'var(--db-color-border)'],
  [/badge-[a-z]+-color$|badge-color$/, 'var(--db-color-text)'],
  [/(link|tertiary|secondary|tabs-button).*color$/, 'var(--db-color-link)'],
  [/color$/, 'var(--db-color-text)'],
  [/border-width$/, '2px'],
  [/border-style$/, 'solid'],
  [/border-radius$/, 'var(--db-radius)'],
  [/outline-offset$/, '2px'],
  [/outline-width$/, '2px'],
  [/outline-style$/, 'solid'],
  [/hover-text-decoration-thickness$/, '3px'],
  [/text-decoration-thickness$/, '1px'],
  [/text-underline-offset$/, '0.2em'],
  [/hover-text-decoration-line$/, 'underline'],
  [/text-decoration-line$/, 'underline'],
  [/box-shadow$/, 'none'],
  [/disabled-cursor$/, 'not-allowed'],
  [/cursor$/, 'pointer'],
  [/padding-block(-[a-z0-9]+)?$/, 'var(--ams-space-s)'],
  [/padding-inline(-start|-end)?$/, 'var(--ams-space-m)'],
  [/(row|column)?-?gap(-[a-z0-9]+)?$/, 'var(--ams-space-s)'],
  [/margin-block-end$/, 'var(--ams-space-s)'],
  [/margin-inline(-end|-start)?$/, 'var(--ams-space-m)'],
  [/text-wrap$/, 'pretty'],
  [/transition-duration$/, '0.2s'],
  [/timing-function$/, 'ease-out'],
  [/container-name$/, 'none'],
  [/container-type$/, 'normal'],
];

const lines = [];
const unmatched = [];
for (const token of [...read].sort()) {
  if (defined.has(token)) continue;
  const name = token.slice(2);
  let value = exact[token];
  if (value === undefined) value = rules.find(([pattern]) => pattern.test(name))?.[1];
  if (value === undefined) {
    unmatched.push(token);
    continue;
  }
  lines.push(`  ${token}: ${value};`);
}

const header =
  '/* Generated by scripts/generate-theme.mjs: Dichtbij\'s values for the\n' +
  ' * Amsterdam Design System\'s component tokens. Edit the script, not this file. */\n';
await writeFile(new URL('../src/theme/ads-tokens.css', import.meta.url), `${header}:root {\n${lines.join('\n')}\n}\n`);
console.log(`${lines.length} tokens written; ${unmatched.length} left to the component's own fallback:`);
console.log(unmatched.join('\n'));
