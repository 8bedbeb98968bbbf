// SPDX-License-Identifier: EUPL-1.2
import { userInfo } from 'node:os';

/** Who is at the keyboard, as recorded on tokens they create ("cli:alice"). */
export function operatorName(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry for the uid (some containers).
    return 'cli';
  }
}
