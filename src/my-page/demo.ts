// SPDX-License-Identifier: EUPL-1.2
// Demo data of My page: filled in by seedMyPageDemo below.
import type { AppContext } from '../platform/context.ts';

export async function seedMyPageDemo(_ctx: AppContext, _log: (line: string) => void): Promise<{ added: string[] }> {
  return { added: [] };
}
