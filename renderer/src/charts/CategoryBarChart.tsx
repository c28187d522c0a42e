// A bar chart over named categories (errors by cause, cost by item, one bar group per compared scenario),
// Tremor-style: data rows, an index key, series keys, a value formatter; optional reference line.

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axis, grid, palette } from './chart-colors';
import { ChartTooltip } from './ChartTooltip';

/** Keys of a row whose values are numbers (the bars) or strings (the category axis); any string for a row that is
 *  a dictionary (errors by cause: one key per cause seen). */
type KeysOf<T, V> = string extends keyof T ? string : { [K in keyof T]-?: T[K] extends V | undefined ? K : never }[keyof T] & string;

interface Props<T extends object> {
  data: readonly T[];
  index: KeysOf<T, string>;
  categories: { key: KeysOf<T, number>; name: string; color?: string }[];
  valueFormatter: (v: number) => string;
  axisFormatter?: (v: number) => string;
  stacked?: boolean;
  reference?: { y: number; label: string };
}

function CategoryBarChartImpl<T extends object>({ data, index, categories, valueFormatter, axisFormatter, stacked, reference }: Props<T>) {
  // Keys are checked against T above; recharts gets the rows as plain data.
  const rows: unknown[] = [...data];
  const indexKey: string = index;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid {...grid} vertical={false} />
        <XAxis dataKey={indexKey} tick={{ ...axis, fontSize: 10 }} stroke="var(--muted)" interval={0} />
        <YAxis tick={axis} stroke="var(--muted)" tickFormatter={axisFormatter ?? valueFormatter} width={70} />
        <Tooltip cursor={{ fill: 'var(--hover)' }} content={(p) => <ChartTooltip {...(p as object)} valueFormatter={valueFormatter} />} />
        {categories.length > 1 && <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 11 }} />}
        {reference && <ReferenceLine y={reference.y} stroke="var(--danger)" strokeDasharray="6 3" label={{ value: reference.label, fill: 'var(--danger)', fontSize: 11, position: 'insideTopRight' }} />}
        {categories.map((c, i) => (
          <Bar key={c.key} dataKey={String(c.key)} name={c.name} fill={c.color ?? palette[i % palette.length]} stackId={stacked ? 'a' : undefined} isAnimationActive={false} maxBarSize={48} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** memo() drops type parameters; this keeps the row type checked at every call site. */
export const CategoryBarChart: typeof CategoryBarChartImpl = memo(CategoryBarChartImpl) as typeof CategoryBarChartImpl;
