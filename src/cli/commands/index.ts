// SPDX-License-Identifier: EUPL-1.2
// The commands of `radhus`, in the order help lists them.
import type { Command } from '../command.ts';
import { migrateCommand } from './migrate.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { serveCommand } from './serve.ts';
import { tenantAdd } from './tenant-add.ts';
import { tenantList } from './tenant-list.ts';
import { tokenCreate } from './token-create.ts';
import { tokenList } from './token-list.ts';
import { tokenRevoke } from './token-revoke.ts';
import { eventsStatus } from './events-status.ts';
import { eventsReplay } from './events-replay.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { mailTest } from './mail-test.ts';
import { userGrant } from './user-grant.ts';
import { userList } from './user-list.ts';
import { userRevoke } from './user-revoke.ts';
import { verifyNoark5Command } from './verify-noark5.ts';
import { exportNoark5Command } from './export-noark5.ts';
import { exportFgsCommand } from './export-fgs.ts';
import { importNoark5Command } from './import-noark5.ts';
import { accessOrderImport } from './access-order-import.ts';
import { importPropertiesCommand } from './import-properties.ts';
import { open311KeyCreate } from './open311-key-create.ts';

export const commands: readonly Command[] = [
  serveCommand, migrateCommand, seedDemoCommand, tenantAdd, tenantList, tokenCreate, tokenRevoke, tokenList,
  userList, userGrant, userRevoke, eventsStatus, eventsReplay, mailTest, accessOrderImport, open311KeyCreate, backupCommand, restoreCommand,
  exportNoark5Command, verifyNoark5Command, exportFgsCommand, importNoark5Command, importPropertiesCommand,
];
