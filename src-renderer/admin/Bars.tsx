/** Hour-by-hour takings as plain SVG bars (no chart library): 24 bars, the highest full height, labelled every 3 hours. */
import { formatCny, formatYuan } from '../../shared/money';
export function Bars({ values, label }: { values: readonly number[]; label: string }) {
  const W = 720;
  const H = 180;
  const pad = 24;
  const max = Math.max(1, ...values);
  const bw = (W - pad) / values.length;
  return (
    <svg className="bars" viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label={label}>
      <line x1={pad} y1={H} x2={W} y2={H} stroke="#9aa5b1" />
      {values.map((v, i) => {
        const h = Math.round((v / max) * (H - 10));
        return (
          <g key={i}>
            <rect
              x={pad + i * bw + 2}
              y={H - h}
              width={bw - 4}
              height={h}
              fill={v > 0 ? '#1f7a4d' : '#e3e8ee'}
            >
              <title>{`${String(i).padStart(2, '0')}:00  ${formatCny(v, { grouped: true })}`}</title>
            </rect>
            {i % 3 === 0 && (
              <text x={pad + i * bw + bw / 2} y={H + 15} fontSize="11" textAnchor="middle" fill="#52606d">
                {String(i).padStart(2, '0')}
              </text>
            )}
          </g>
        );
      })}
      <text x={pad - 4} y={12} fontSize="11" textAnchor="end" fill="#52606d">
        {formatYuan(max, { grouped: true }).replace(/\.\d\d$/, '')}
      </text>
    </svg>
  );
}
