import { describe, expect, it } from 'vitest';
import { clusterPairs } from './clustering';

const run = (n: number, edges: [number, number, number][], strong = 0.99) =>
  Array.from(
    clusterPairs(
      n,
      Int32Array.from(edges.map((e) => e[0])),
      Int32Array.from(edges.map((e) => e[1])),
      Float64Array.from(edges.map((e) => e[2])),
      { threshold: 0.5, strongThreshold: strong },
    ),
  );

describe('clustering', () => {
  it('does not chain two groups through one weak edge', () => {
    // {0,1,2} and {3,4} are tight; 2–3 is a single doubtful edge.
    const clusters = run(5, [
      [0, 1, 0.999],
      [1, 2, 0.999],
      [0, 2, 0.999],
      [3, 4, 0.999],
      [2, 3, 0.7],
    ]);
    expect(clusters).toEqual([0, 0, 0, 3, 3]);
  });

  it('keeps a strong bridge and lets a lone record join by one edge', () => {
    expect(
      run(4, [
        [0, 1, 0.999],
        [1, 2, 0.999],
        [2, 3, 0.995],
      ]),
    ).toEqual([0, 0, 0, 0]);
    expect(
      run(3, [
        [0, 1, 0.999],
        [1, 2, 0.6],
      ]),
    ).toEqual([0, 0, 0]);
  });

  it('keeps a weak edge that has support (not a bridge)', () => {
    const clusters = run(4, [
      [0, 1, 0.999],
      [2, 3, 0.999],
      [1, 2, 0.7],
      [0, 3, 0.7],
    ]);
    expect(clusters).toEqual([0, 0, 0, 0]);
  });

  it('ignores edges below the threshold', () => {
    expect(
      run(3, [
        [0, 1, 0.4],
        [1, 2, 0.9],
      ]),
    ).toEqual([0, 1, 1]);
  });
});
