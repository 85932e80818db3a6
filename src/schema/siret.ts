/** Luhn checksum over a string of digits (used by SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIREN of La Poste: its establishments' SIRET follow a digit-sum rule instead of Luhn. */
export const LA_POSTE_SIREN = '356000000';

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/** A SIRET is 14 digits passing Luhn, or (La Poste) whose digit sum is a multiple of 5. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhnValid(value)) return true;
  return value.startsWith(LA_POSTE_SIREN) && digitSum(value) % 5 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}
