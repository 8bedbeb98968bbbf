// SPDX-License-Identifier: EUPL-1.2
// Synthetic identity and organisation numbers for the demo. Identity numbers come from the marked
// test series (Norway: month + 80; Sweden: individual numbers 980–999), so no real person can be
// hit. Organisation numbers only need a valid checksum: they belong to fictional companies.
import {
  isValidOrganisationNumber,
  luhnDigit,
  norwegianOrganisationNumber,
  parseIdentityNumber,
  syntheticNorwegianNumber,
  syntheticSwedishNumber,
} from '../common/idnumbers.ts';
import type { DemoOrganisation, DemoPerson } from './model.ts';

/**
 * Gives each demo person one number, the same every time they appear. Two people born on the same
 * day get consecutive numbers of the series; index 0 is left to the demo login users.
 */
export class IdentityNumbers {
  private readonly assigned = new Map<DemoPerson, string>();
  private readonly nextByDate = new Map<string, number>();

  of(person: DemoPerson, country: 'NO' | 'SE'): string {
    const known = person.identityNumber ?? this.assigned.get(person);
    if (known) return known;
    const key = `${country}:${person.born}`;
    const seq = this.nextByDate.get(key) ?? 1;
    this.nextByDate.set(key, seq + 1);
    const number = country === 'NO' ? syntheticNorwegianNumber(person.born, seq) : syntheticSwedishNumber(person.born, seq);
    const parsed = parseIdentityNumber(number);
    if (!parsed.ok || !parsed.synthetic) throw new Error(`generated number for ${person.name} is not a valid synthetic number`);
    this.assigned.set(person, number);
    return number;
  }
}

/**
 * A valid organisation number derived from a small seed. Norway: 9 digits starting with 99
 * (mod 11). Sweden: 559… for companies (aktiebolag), 769… for economic associations, Luhn-checked,
 * written NNNNNN-NNNN.
 */
export function demoOrganisationNumber(org: DemoOrganisation & { numberSeed: number }, country: 'NO' | 'SE'): string {
  const seed = org.numberSeed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 99_999) throw new RangeError('numberSeed must be an integer from 0 to 99999');
  if (country === 'NO') {
    for (let i = 0; i < 10; i++) {
      const number = norwegianOrganisationNumber(`99${String(seed * 10 + i).padStart(6, '0')}`);
      if (number && isValidOrganisationNumber(number, 'NO')) return number;
    }
    throw new Error(`no organisation number found for seed ${seed}`);
  }
  const nine = `${org.association ? '769' : '559'}${String(seed).padStart(6, '0')}`;
  const number = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit([...nine].map(Number))}`;
  if (!isValidOrganisationNumber(number, 'SE')) throw new Error(`generated organisation number ${number} is invalid`);
  return number;
}
