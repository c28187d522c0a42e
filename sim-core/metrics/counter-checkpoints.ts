// Running totals (errors by cause, sojourn sums) with snapshots at the same instants as the time averages, so
// totals over the post-warm-up window can be taken exactly: total now − total at the window start.

export class CounterCheckpoints {
  readonly values: Float64Array;
  private readonly times: number[] = [0];
  private readonly snapshots: Float64Array[];

  constructor(readonly names: readonly string[]) {
    this.values = new Float64Array(names.length);
    this.snapshots = [new Float64Array(names.length)];
  }

  checkpoint(now: number): void {
    this.times.push(now);
    this.snapshots.push(this.values.slice());
  }

  /** Totals accumulated since `from`, which must be 0 or a checkpoint time. */
  since(from: number): Record<string, number> {
    const k = this.times.lastIndexOf(from);
    if (k < 0) throw new Error(`no counter checkpoint at t=${from}`);
    const base = this.snapshots[k];
    const out: Record<string, number> = {};
    this.names.forEach((name, i) => (out[name] = this.values[i] - base[i]));
    return out;
  }
}
