// SPDX-License-Identifier: EUPL-1.2
// Helpers for the demo's fictional people. Staff who can log in to the demo are the demo identity
// provider's users, with the same name and synthetic number, so "my cases" match who logs in.
import { findDemoUser } from '../../identity/service.ts';
import type { DemoAddress, DemoOrganisation, DemoPerson } from '../model.ts';

export function staffUser(userId: string, position: string): DemoPerson {
  const user = findDemoUser(userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  return { kind: 'person', name: user.name, born: user.birthDate, identityNumber: user.identityNumber, position, userId };
}

export const person = (name: string, born: string, address: DemoAddress & { position?: string } = {}): DemoPerson => ({ kind: 'person', name, born, ...address });

/** A fictional organisation with a synthetic number from `numberSeed`, or a public body without one (undefined). */
export const organisation = (name: string, numberSeed: number | undefined, details: DemoAddress & { signedBy?: string; association?: boolean } = {}): DemoOrganisation => ({
  kind: 'organisation',
  name,
  ...(numberSeed !== undefined ? { numberSeed } : {}),
  ...details,
});
