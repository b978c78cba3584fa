import { describe, expect, it } from 'vitest';
import { kSlots, parseSlot, sortSlots, splitList } from './weekTimes';

describe('weekly times', () => {
  it('has the 21 parts of the week, Monday morning first', () => {
    expect(kSlots).toHaveLength(21);
    expect(kSlots[0]).toBe('mon-morning');
    expect(kSlots[20]).toBe('sun-evening');
  });

  it('reads a code into its day and part, and refuses others', () => {
    expect(parseSlot('tue-evening')).toEqual({ day: 'tue', part: 'evening' });
    expect(parseSlot('someday')).toBeUndefined();
    expect(parseSlot('tue-night')).toBeUndefined();
  });

  it('orders codes as the week goes and drops repeats and unknowns', () => {
    expect(sortSlots(['sun-evening', 'mon-afternoon', 'mon-morning', 'mon-morning', 'x'])).toEqual([
      'mon-morning',
      'mon-afternoon',
      'sun-evening',
    ]);
  });

  it('splits a typed list without blanks or repeats', () => {
    expect(splitList(' nl, en ,,nl ')).toEqual(['nl', 'en']);
    expect(splitList('')).toEqual([]);
  });
});
