import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The page-load benchmark (bench/web_pages.sh): the browser tests' settings,
// another folder of specs. Never part of `make test`.
export default defineConfig({ ...base, testDir: 'tests/bench' });
