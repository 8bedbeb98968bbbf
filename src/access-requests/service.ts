// SPDX-License-Identifier: EUPL-1.2
// What other modules (My page, statistics, a mail-in command) may use of access requests.
export { createAccessRequest, confirmAccessRequest, readOrder, appealAccessRequest, DEADLINE_WORKING_DAYS, REMIND_JOB } from './requests.ts';
export { decideAccessRequest, type Decision } from './decisions.ts';
export { listAccessRequests, startAccessRequest, accessRequestStatistics } from './queue.ts';
export { listMyAccessRequests, type MyAccessRequest } from './mine.ts';
export { importAccessOrder, orderXmlOfMessage, type ImportReport } from './import.ts';
export { parseAccessOrder, type AccessOrder, type OrderLine } from './order-xml.ts';
