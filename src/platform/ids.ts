// SPDX-License-Identifier: EUPL-1.2
// System ids are UUID v7: time-ordered, so keyset pagination by id follows creation order.
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);
