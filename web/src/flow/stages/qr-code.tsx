import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** A QR code drawn as SVG (no canvas, no markup strings), with an accessible name. */
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(value);
    qr.make();
    const count = qr.getModuleCount();
    const dark: string[] = [];
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) dark.push(`M${col} ${row}h1v1h-1z`);
    return { count, path: dark.join('') };
  }, [value]);
  const margin = 4;
  const extent = cells.count + margin * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-margin} ${-margin} ${extent} ${extent}`}
      className="am-qr"
      shapeRendering="crispEdges"
    >
      <rect x={-margin} y={-margin} width={extent} height={extent} fill="#fff" />
      <path d={cells.path} fill="#000" />
    </svg>
  );
}
