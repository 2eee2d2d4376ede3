import { describe, expect, it } from 'vitest';
import { NULL_LEVEL } from './comparisons';
import { runEm } from './em';
import { seededRandom } from './random';

describe('EM with u fixed', () => {
  it('recovers known m and λ on a synthetic set', () => {
    const trueM = [
      [0.85, 0.1, 0.05],
      [0.7, 0.2, 0.1],
      [0.9, 0.1],
    ];
    const trueU = [
      [0.05, 0.15, 0.8],
      [0.02, 0.1, 0.88],
      [0.2, 0.8],
    ];
    const lambda = 0.3;
    const pairs = 40_000;
    const random = seededRandom(7);
    const draw = (probabilities: number[]) => {
      let x = random();
      for (let l = 0; l < probabilities.length; l++) {
        x -= probabilities[l] as number;
        if (x < 0) return l;
      }
      return probabilities.length - 1;
    };
    const gammas = new Uint8Array(pairs * 3);
    for (let p = 0; p < pairs; p++) {
      const match = random() < lambda;
      for (let c = 0; c < 3; c++) {
        // 5 % missing values: the null level, which EM must ignore.
        gammas[p * 3 + c] = random() < 0.05 ? NULL_LEVEL : draw((match ? trueM[c] : trueU[c]) as number[]);
      }
    }
    const result = runEm({
      gammas,
      width: 3,
      active: [0, 1, 2],
      levelCounts: [3, 3, 2],
      u: trueU,
      m: [
        [0.5, 0.3, 0.2],
        [0.5, 0.3, 0.2],
        [0.6, 0.4],
      ],
      lambda: 0.5,
      maxIterations: 200,
      tolerance: 1e-7,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(lambda, 1);
    expect(Math.abs(result.lambda - lambda)).toBeLessThan(0.02);
    result.m.forEach((levels, c) =>
      levels.forEach((m, l) => expect(Math.abs(m - (trueM[c]?.[l] as number))).toBeLessThan(0.03)),
    );
  });

  it('leaves inactive comparisons alone', () => {
    const gammas = Uint8Array.from([0, 0, 1, 1, 0, 1, 1, 0]);
    const result = runEm({
      gammas,
      width: 2,
      active: [0],
      levelCounts: [2, 2],
      u: [
        [0.1, 0.9],
        [0.1, 0.9],
      ],
      m: [
        [0.9, 0.1],
        [0.42, 0.58],
      ],
      lambda: 0.5,
      maxIterations: 10,
      tolerance: 1e-6,
    });
    expect(result.m[1]).toEqual([0.42, 0.58]);
  });
});
