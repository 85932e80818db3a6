/** How many slots storeGiven copies: layouts of more indicators are copied by a loop. */
export const STORE_GIVEN_MAX = 52;

/**
 * o[keys[i]] = values[i] for each slot i < STORE_GIVEN_MAX with given[i] === 1 (given has one
 * entry per key: past them given[i] is undefined). Unrolled on purpose: each statement is its own
 * store site, which for one column layout always writes the same key into objects of the same
 * shape (a fast, monomorphic store), where the single store of a loop sees every key (a slow,
 * megamorphic one). Generating this per layout (new Function) is ruled out: the add-in's CSP
 * forbids it.
 */
export function storeGiven(o: Record<string, unknown>, keys: readonly string[], values: readonly unknown[], given: Uint8Array): void {
  if (given[0] === 1) o[keys[0]!] = values[0];
  if (given[1] === 1) o[keys[1]!] = values[1];
  if (given[2] === 1) o[keys[2]!] = values[2];
  if (given[3] === 1) o[keys[3]!] = values[3];
  if (given[4] === 1) o[keys[4]!] = values[4];
  if (given[5] === 1) o[keys[5]!] = values[5];
  if (given[6] === 1) o[keys[6]!] = values[6];
  if (given[7] === 1) o[keys[7]!] = values[7];
  if (given[8] === 1) o[keys[8]!] = values[8];
  if (given[9] === 1) o[keys[9]!] = values[9];
  if (given[10] === 1) o[keys[10]!] = values[10];
  if (given[11] === 1) o[keys[11]!] = values[11];
  if (given[12] === 1) o[keys[12]!] = values[12];
  if (given[13] === 1) o[keys[13]!] = values[13];
  if (given[14] === 1) o[keys[14]!] = values[14];
  if (given[15] === 1) o[keys[15]!] = values[15];
  if (given[16] === 1) o[keys[16]!] = values[16];
  if (given[17] === 1) o[keys[17]!] = values[17];
  if (given[18] === 1) o[keys[18]!] = values[18];
  if (given[19] === 1) o[keys[19]!] = values[19];
  if (given[20] === 1) o[keys[20]!] = values[20];
  if (given[21] === 1) o[keys[21]!] = values[21];
  if (given[22] === 1) o[keys[22]!] = values[22];
  if (given[23] === 1) o[keys[23]!] = values[23];
  if (given[24] === 1) o[keys[24]!] = values[24];
  if (given[25] === 1) o[keys[25]!] = values[25];
  if (given[26] === 1) o[keys[26]!] = values[26];
  if (given[27] === 1) o[keys[27]!] = values[27];
  if (given[28] === 1) o[keys[28]!] = values[28];
  if (given[29] === 1) o[keys[29]!] = values[29];
  if (given[30] === 1) o[keys[30]!] = values[30];
  if (given[31] === 1) o[keys[31]!] = values[31];
  if (given[32] === 1) o[keys[32]!] = values[32];
  if (given[33] === 1) o[keys[33]!] = values[33];
  if (given[34] === 1) o[keys[34]!] = values[34];
  if (given[35] === 1) o[keys[35]!] = values[35];
  if (given[36] === 1) o[keys[36]!] = values[36];
  if (given[37] === 1) o[keys[37]!] = values[37];
  if (given[38] === 1) o[keys[38]!] = values[38];
  if (given[39] === 1) o[keys[39]!] = values[39];
  if (given[40] === 1) o[keys[40]!] = values[40];
  if (given[41] === 1) o[keys[41]!] = values[41];
  if (given[42] === 1) o[keys[42]!] = values[42];
  if (given[43] === 1) o[keys[43]!] = values[43];
  if (given[44] === 1) o[keys[44]!] = values[44];
  if (given[45] === 1) o[keys[45]!] = values[45];
  if (given[46] === 1) o[keys[46]!] = values[46];
  if (given[47] === 1) o[keys[47]!] = values[47];
  if (given[48] === 1) o[keys[48]!] = values[48];
  if (given[49] === 1) o[keys[49]!] = values[49];
  if (given[50] === 1) o[keys[50]!] = values[50];
  if (given[51] === 1) o[keys[51]!] = values[51];
}
