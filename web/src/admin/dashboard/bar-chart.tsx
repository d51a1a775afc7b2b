import { Content } from '@patternfly/react-core';
import { useId } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

/** One point of a chart as the API answers it: the bucket's start in milliseconds, and a count. */
export interface Coordinate {
  x_cord: number;
  y_cord: number;
}

/** One series of bars (e.g. failed logins), drawn in its own colour. */
export interface ChartSeries {
  label: string;
  color: string;
  points: Coordinate[];
}

const WIDTH = 640;
const HEIGHT = 180;
const AXIS = 24;

/** The largest count, rounded up so the scale has a readable top. */
function scaleTop(series: ChartSeries[]): number {
  const max = Math.max(0, ...series.flatMap((one) => one.points.map((point) => point.y_cord)));
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/**
 * A bar chart of counts over time, drawn as SVG: one group of bars per time bucket, one bar per
 * series. Screen readers get a summary on the picture and the same numbers as a table.
 */
export function BarChart({ title, series, formatX }: { title: string; series: ChartSeries[]; formatX(ms: number): string }) {
  const { t } = useI18n();
  const titleId = useId();
  const buckets = [...new Set(series.flatMap((one) => one.points.map((point) => point.x_cord)))].sort((a, b) => a - b);
  const top = scaleTop(series);
  const slot = buckets.length > 0 ? (WIDTH - AXIS) / buckets.length : 0;
  const barWidth = series.length > 0 ? Math.max(1, (slot * 0.8) / series.length) : 0;
  const countAt = (one: ChartSeries, x: number) => one.points.find((point) => point.x_cord === x)?.y_cord ?? 0;
  const totals = series.map((one) =>
    t('admin.dashboard.chartTotal', { series: one.label, count: one.points.reduce((sum, p) => sum + p.y_cord, 0) }),
  );
  const empty = series.every((one) => one.points.every((point) => point.y_cord === 0));

  return (
    <figure className="am-bar-chart" style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        style={{ maxHeight: 240 }}
      >
        <title id={titleId}>{`${title}: ${totals.join('; ')}`}</title>
        <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeOpacity={0.4} />
        <text x={AXIS - 4} y={10} textAnchor="end" fontSize={10} fill="currentColor">
          {top}
        </text>
        <text x={AXIS - 4} y={HEIGHT} textAnchor="end" fontSize={10} fill="currentColor">
          0
        </text>
        {buckets.map((x, index) =>
          series.map((one, position) => {
            const count = countAt(one, x);
            const height = (count / top) * (HEIGHT - 8);
            return (
              <rect
                key={`${x}-${one.label}`}
                data-series={one.label}
                data-count={count}
                x={AXIS + index * slot + slot * 0.1 + position * barWidth}
                y={HEIGHT - height}
                width={barWidth}
                height={height}
                style={{ fill: one.color }}
              >
                <title>{`${one.label}, ${formatX(x)}: ${count}`}</title>
              </rect>
            );
          }),
        )}
        {buckets.length > 0 ? (
          <>
            <text x={AXIS} y={HEIGHT + 14} fontSize={10} fill="currentColor">
              {formatX(buckets[0])}
            </text>
            <text x={WIDTH} y={HEIGHT + 14} textAnchor="end" fontSize={10} fill="currentColor">
              {formatX(buckets[buckets.length - 1])}
            </text>
          </>
        ) : null}
      </svg>
      <figcaption>
        <Content component="small">
          {series.map((one) => (
            <span key={one.label} style={{ marginRight: '1rem', whiteSpace: 'nowrap' }}>
              <svg width="10" height="10" aria-hidden="true" style={{ marginRight: 4 }}>
                <rect width="10" height="10" style={{ fill: one.color }} />
              </svg>
              {one.label}
            </span>
          ))}
          {empty ? <span>{t('admin.dashboard.chartEmpty')}</span> : null}
        </Content>
      </figcaption>
      <table className="pf-v6-screen-reader">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.dashboard.chartPeriod')}</th>
            {series.map((one) => (
              <th scope="col" key={one.label}>
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {buckets.map((x) => (
            <tr key={x}>
              <th scope="row">{formatX(x)}</th>
              {series.map((one) => (
                <td key={one.label}>{countAt(one, x)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
