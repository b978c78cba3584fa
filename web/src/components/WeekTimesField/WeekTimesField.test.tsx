import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { WeekTimesField } from './WeekTimesField';

function Harness({ initial }: { initial: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <WeekTimesField id="t" legend="Wanneer" value={value} onChange={setValue} />
      <output>{value.join(' ')}</output>
    </>
  );
}

describe('WeekTimesField', () => {
  it('names each checkbox by day and part and keeps the week order', async () => {
    render(<Harness initial={['sun-evening']} />);
    const sunday = screen.getByRole<HTMLInputElement>('checkbox', { name: 'zondag avond' });
    expect(sunday.checked).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'dinsdag ochtend' }));
    expect(screen.getByRole('status').textContent).toBe('tue-morning sun-evening');
    await userEvent.click(sunday);
    expect(screen.getByRole('status').textContent).toBe('tue-morning');
  });
});
