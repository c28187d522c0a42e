// Traffic equations of an open network: visits v_i per external arrival solve v = e + Pᵀv, where e is the
// entry vector and P the routing matrix. Solved by Gaussian elimination (networks here have a handful of
// stations). Used to check stability (ρ < 1) before simulating and for analytic previews.

export function visitRatios(routing: number[][], entry: number[]): number[] {
  const n = entry.length;
  // Build A = I − Pᵀ, b = e.
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - routing[j][i]));
  const b = entry.slice();
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) throw new Error('routing has a closed loop that customers never leave');
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  return b.map((v, i) => v / a[i][i]);
}
