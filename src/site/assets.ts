// SPDX-License-Identifier: EUPL-1.2
// The public pages' look, served by this server (no CDN): Designsystemet's theme and component CSS
// (the same packages the staff UI bundles), the Inter font from @fontsource/inter, and our own
// layout, joined into one stylesheet named by its hash so browsers may keep it for good.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const ASSET_PREFIX = '/static/site';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Designsystemet's weights: regular, medium, semibold; and bold for <strong>. */
const FONT_WEIGHTS = [400, 500, 600, 700];

export interface SiteAssets {
  /** The address of the stylesheet, with its hash in the name. */
  stylesheetHref: string;
  stylesheet: Buffer;
  favicon: Buffer;
  /** The folder of Inter's font files, and the address prefix they are served under. */
  fontDir: string;
  fontPrefix: string;
}

export async function loadSiteAssets(): Promise<SiteAssets> {
  const fontCss = require.resolve('@fontsource/inter/400.css');
  const fontRoot = dirname(fontCss);
  const { version } = JSON.parse(await readFile(join(fontRoot, 'package.json'), 'utf8')) as { version: string };
  // The version in the address: font files keep their names across releases, so it is what
  // lets them be cached for good.
  const fontPrefix = `${ASSET_PREFIX}/fonts/inter-${version}`;
  // The per-weight files of all subsets carry unicode-range: a browser fetches only the subsets a
  // page uses (Latin and Latin Extended for Nordic and Sámi names), never falls back to Arial.
  const fonts = await Promise.all(
    FONT_WEIGHTS.map(async (weight) => (await readFile(join(fontRoot, `${weight}.css`), 'utf8')).replaceAll('url(./files/', `url(${fontPrefix}/`)),
  );
  const parts = [
    await readFile(require.resolve('@digdir/designsystemet-theme'), 'utf8'),
    await readFile(require.resolve('@digdir/designsystemet-css'), 'utf8'),
    ...fonts,
    await readFile(join(here, 'assets', 'site.css'), 'utf8'),
  ];
  const stylesheet = Buffer.from(parts.join('\n'), 'utf8');
  const hash = createHash('sha256').update(stylesheet).digest('hex').slice(0, 16);
  return {
    stylesheetHref: `${ASSET_PREFIX}/site-${hash}.css`,
    stylesheet,
    favicon: await readFile(join(here, 'assets', 'favicon.svg')),
    fontDir: join(fontRoot, 'files'),
    fontPrefix,
  };
}

/** A font file name as @fontsource names them; anything else is not ours to serve. */
export const isFontFile = (name: string): boolean => /^inter-[a-z]+(?:-[a-z]+)*-[1-9]00-(?:normal|italic)\.woff2?$/.test(name);
