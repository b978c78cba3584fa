import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QrCode, qrPath } from './QrCode';

describe('QrCode', () => {
  it('draws a version 1 code for short text, with its three finder patterns', () => {
    const { count, path } = qrPath('dichtbij');
    expect(count).toBe(21);
    // The top-left finder pattern: a dark 7-module square ring at 0,0.
    for (const corner of ['M0 0h1', 'M6 0h1', 'M0 6h1', 'M6 6h1', 'M14 0h1', 'M0 14h1']) {
      expect(path).toContain(corner);
    }
    // Its ring's inside is light.
    expect(path).not.toContain('M1 1h1v1');
  });

  it('grows with the text, as an otpauth URI needs', () => {
    const uri = 'otpauth://totp/Dichtbij:professional?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Dichtbij&algorithm=SHA1&digits=6&period=30';
    expect(qrPath(uri).count).toBeGreaterThan(21);
  });

  it('is an image with the label given', () => {
    render(<QrCode text="dichtbij" label="QR-code voor uw app" />);
    expect(screen.getByRole('img', { name: 'QR-code voor uw app' }).tagName).toBe('svg');
  });
});
