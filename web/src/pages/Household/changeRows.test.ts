import { describe, expect, it } from 'vitest';
import { changeRows, formatChange, formatValue } from './changeRows';

describe('changeRows', () => {
  it('formats both days and the signed difference per kind', () => {
    const rows = changeRows(
      [
        { key: 'size', kind: 'count' },
        { key: 'informalShare', kind: 'share' },
        { key: 'density', kind: 'number' },
      ],
      { size: 1, informalShare: 0, density: null },
      { size: 4, informalShare: 0.75, density: 1 / 6 },
      { size: 3, informalShare: 0.75, density: null },
      'nl',
    );
    expect(rows[0]).toEqual({ key: 'size', then: '1', now: '4', change: '+3', direction: 1 });
    expect(rows[1]).toMatchObject({ then: '0%', now: '75%', change: '+75 pp', direction: 1 });
    // Undefined on the first day: no difference to speak of.
    expect(rows[2]).toMatchObject({ then: '', now: '0,17', change: '', direction: null });
  });

  it('points no arrow where the rounded difference is nought', () => {
    const [share, density] = changeRows(
      [
        { key: 'informalShare', kind: 'share' },
        { key: 'density', kind: 'number' },
      ],
      { informalShare: 0.94, density: 0.1 },
      { informalShare: 0.936, density: 0.101 },
      { informalShare: -0.004, density: 0.001 },
      'nl',
    );
    expect(share).toMatchObject({ change: '0 pp', direction: 0 });
    expect(density).toMatchObject({ change: '0', direction: 0 });
  });

  it('says no change as no change', () => {
    expect(formatChange(0, 'count', 'nl')).toBe('0');
    expect(formatChange(-0.5, 'number', 'en')).toBe('-0.5');
    expect(formatValue(true, 'yesNo', 'nl')).toBe('✓');
  });
});
