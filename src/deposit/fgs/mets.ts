// SPDX-License-Identifier: EUPL-1.2
// The root METS.xml of the FGS Paketstruktur 2.0 package (E-ARK CSIP/SIP 2.1.0): header with the
// archivist and the software, the ERMS file as descriptive metadata (dmdSec mdRef), every other file
// in fileSec with size and SHA-256, and the CSIP physical structMap.
import type { Tenant } from '../../tenants/service.ts';
import { Writer } from './xml.ts';

export interface MetsFile { path: string; mime: string; size: number; created: Date; checksum: string }

export interface MetsInput {
  objectId: string;
  label: string;
  tenant: Tenant;
  at: Date;
  erms: MetsFile;
  schemas: MetsFile[];
  data: MetsFile[];
}

const METS = 'http://www.loc.gov/METS/';
const CSIP = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const SIP = 'https://DILCIS.eu/XML/METS/SIPExtensionMETS';
export const CSIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';

const fileAttrs = (id: string, f: MetsFile) => ({ ID: id, MIMETYPE: f.mime, SIZE: f.size, CREATED: f.created, CHECKSUM: f.checksum, CHECKSUMTYPE: 'SHA-256' });
const locat = (w: Writer, f: MetsFile) => w.empty('FLocat', { LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': f.path });

export async function writeMets(path: string, m: MetsInput): Promise<void> {
  const w = new Writer(path);
  try {
    w.start('mets', {
      xmlns: METS, 'xmlns:csip': CSIP, 'xmlns:sip': SIP, 'xmlns:xlink': 'http://www.w3.org/1999/xlink', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${METS} schemas/mets.xsd http://www.w3.org/1999/xlink schemas/xlink.xsd ${CSIP} schemas/DILCISExtensionMETS.xsd ${SIP} schemas/DILCISExtensionSIPMETS.xsd`,
      OBJID: m.objectId, LABEL: m.label, TYPE: 'Textual works – Digital', 'csip:CONTENTINFORMATIONTYPE': 'citserms_v2_1', PROFILE: CSIP_PROFILE,
    });
    w.start('metsHdr', { CREATEDATE: m.at, LASTMODDATE: m.at, RECORDSTATUS: 'NEW', 'csip:OAISPACKAGETYPE': 'SIP' })
      .start('agent', { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' }).leaf('name', 'Rådhus').leaf('note', '1', { 'csip:NOTETYPE': 'SOFTWARE VERSION' }).end()
      .start('agent', { ROLE: 'ARCHIVIST', TYPE: 'ORGANIZATION' }).leaf('name', m.tenant.name).leaf('note', m.tenant.officialNumber, { 'csip:NOTETYPE': 'IDENTIFICATIONCODE' }).end()
      .start('agent', { ROLE: 'OTHER', OTHERROLE: 'SUBMITTER', TYPE: 'ORGANIZATION' }).leaf('name', m.tenant.name).leaf('note', m.tenant.officialNumber, { 'csip:NOTETYPE': 'IDENTIFICATIONCODE' }).end()
      .end();
    w.start('dmdSec', { ID: 'dmd-erms', CREATED: m.erms.created, STATUS: 'CURRENT' })
      .empty('mdRef', {
        LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': m.erms.path, MDTYPE: 'OTHER', OTHERMDTYPE: 'ERMS', MIMETYPE: m.erms.mime,
        SIZE: m.erms.size, CREATED: m.erms.created, CHECKSUM: m.erms.checksum, CHECKSUMTYPE: 'SHA-256',
      })
      .end();
    w.start('fileSec', { ID: 'filesec' });
    w.start('fileGrp', { ID: 'grp-schemas', USE: 'Schemas' });
    m.schemas.forEach((f, i) => {
      w.start('file', fileAttrs(`schema-${i + 1}`, f));
      locat(w, f).end();
    });
    w.end();
    w.start('fileGrp', { ID: 'grp-rep1', USE: 'Representations/rep1/Data' });
    for (const [i, f] of m.data.entries()) {
      w.start('file', fileAttrs(`file-${i + 1}`, f));
      locat(w, f).end();
      if (i % 500 === 499) await w.flush();
    }
    w.end().end();
    w.start('structMap', { ID: 'structmap-csip', TYPE: 'PHYSICAL', LABEL: 'CSIP' })
      .start('div', { ID: 'div-root', LABEL: m.objectId })
      .empty('div', { ID: 'div-metadata', LABEL: 'Metadata', DMDID: 'dmd-erms' })
      .start('div', { ID: 'div-schemas', LABEL: 'Schemas' }).empty('fptr', { FILEID: 'grp-schemas' }).end()
      .start('div', { ID: 'div-rep1', LABEL: 'Representations/rep1' }).empty('fptr', { FILEID: 'grp-rep1' }).end()
      .end()
      .end();
    w.end();
    await w.close();
  } catch (error) {
    w.abort();
    throw error;
  }
}
