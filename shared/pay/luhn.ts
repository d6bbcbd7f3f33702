/** Luhn (mod 10) check digits, which Chinese bank card numbers (16–19 digits) carry. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum;
}

export function luhnOk(n: string): boolean {
  return /^\d{12,30}$/.test(n) && luhnSum(n) % 10 === 0;
}

/** The number with its check digit appended. */
export function withLuhnDigit(base: string): string {
  if (!/^\d{11,29}$/.test(base)) throw new RangeError(`withLuhnDigit needs 11–29 digits, got '${base}'`);
  for (let d = 0; d <= 9; d++) if (luhnSum(`${base}${d}`) % 10 === 0) return `${base}${d}`;
  throw new Error('unreachable: one check digit always fits');
}
