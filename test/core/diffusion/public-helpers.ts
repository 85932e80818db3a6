export * from '../../../src/core/diffusion/index.js';
import { withMargins } from './arbitraries.js';

/** A 2 × 3 table whose (0, 0) is 2: exposed when hidden alone. */
export const withMarginsFree = () =>
  withMargins([
    [
      { v: 2, n: 5 },
      { v: 30, n: 5 },
      { v: 25, n: 5 },
    ],
    [
      { v: 40, n: 5 },
      { v: 35, n: 5 },
      { v: 28, n: 5 },
    ],
  ]);
