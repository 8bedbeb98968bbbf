// SPDX-License-Identifier: EUPL-1.2
// Who works with the council pages: the secretariat, and the tenant administrator, who may do all
// the secretariat may (council contract).
import type { Role } from '../api/types.ts';

export const isSecretariat = (roles: readonly Role[]): boolean => roles.includes('secretariat') || roles.includes('tenant-admin');
