// SPDX-License-Identifier: EUPL-1.2
// What makes each Höglandet municipality's demo cases its own: places, people, companies. The
// cases themselves are written once (hoglandet-cases*.ts), since the five share an e-strategy and
// much of their everyday mail.
import type { DemoCase, DemoOrganisation, DemoPerson } from '../model.ts';

export interface Locality {
  /** "Aneby", as in "Aneby kommun" and in property designations. */
  town: string;
  /** Days added to every step, so the five municipalities' stories do not run in lockstep. */
  shift: number;
  /** A village waiting for fibre, and a second place name. */
  villages: [string, string];
  /** Fastighetsbeteckning of a plot for a new house. */
  property: string;
  /** A street whose snow clearing draws a complaint. */
  street: string;
  preschool: string;
  staff: {
    caseOfficer: DemoPerson;
    archivist: DemoPerson;
    politician: DemoPerson;
    director: DemoPerson;
    it: DemoPerson;
    planner: DemoPerson;
    social: DemoPerson;
    finance: DemoPerson;
  };
  residents: { builder: DemoPerson; parent: DemoPerson; elderly: DemoPerson; neighbour: DemoPerson };
  orgs: { fibre: DemoOrganisation; newspaper: DemoOrganisation; supplier: DemoOrganisation; platform: DemoOrganisation };
}

export type CaseTemplate = (l: Locality) => DemoCase;

/** The inter-municipal association behind the shared e-strategy: a public body, named without a number. */
export const hoglandetAssociation: DemoOrganisation = { kind: 'organisation', name: 'Höglandets kommunalförbund', postalTown: 'Nässjö' };
