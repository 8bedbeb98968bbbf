// SPDX-License-Identifier: EUPL-1.2
// What Rådhus, as a client, knows about the built-in demo provider. Kept apart from the provider
// itself so that an installation with a real identity provider never loads oidc-provider.
import { createHmac } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import { cookieSecret } from './secret.ts';

export const DEMO_IDP_PATH = '/demo-idp';
export const DEMO_CLIENT_ID = 'radhus';
export const DEMO_SCOPES = 'openid profile radhus';

export const demoIssuer = (publicUrl: string): string => `${publicUrl}${DEMO_IDP_PATH}`;

/** The client secret both sides derive from the cookie secret, so it survives restarts unseen. */
export async function demoClientSecret(ctx: AppContext): Promise<string> {
  return createHmac('sha256', await cookieSecret(ctx.config)).update('demo-idp client secret').digest('base64url');
}
