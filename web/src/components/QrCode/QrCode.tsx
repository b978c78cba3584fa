import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code of text as SVG (one path of dark modules, a quiet zone of four
 * around it), for an authenticator app to scan. The text itself stays on
 * the page beside it for those who cannot scan.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { count, path } = useMemo(() => qrPath(text), [text]);
  const quiet = 4;
  const extent = count + 2 * quiet;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`${-quiet} ${-quiet} ${extent} ${extent}`} shapeRendering="crispEdges" className="db-qr">
      <rect x={-quiet} y={-quiet} width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The modules of text's QR code as an SVG path of unit squares. */
export function qrPath(text: string): { count: number; path: string } {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { count, path: parts.join('') };
}
