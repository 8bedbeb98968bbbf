// SPDX-License-Identifier: EUPL-1.2
// What other modules (My page, demo data, Open311) may use of the forms module.
export { createFormDefinition, publishFormDefinition, updateFormDefinition, adoptFormDefinition, readFormDefinition, type FormCtx, type FormView } from './definitions.ts';
export { checkDefinition, type FormDefinition, type LayoutField } from './definition.ts';
export { selectPublicForms, type PublicFormRow } from './repository.ts';
export { submitForm, type SubmitInput } from './submissions.ts';
