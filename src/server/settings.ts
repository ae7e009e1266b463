/**
 * Site settings: the agency's name, the site's name and the desks (services) shown first. They come from
 * the command line or the environment (`KHABAR_AGENCY`, `KHABAR_SITE_NAME`, `KHABAR_SERVICES`,
 * `KHABAR_BASE_URL`); the newsroom's admin screen will keep them in the database.
 */
import { KhabarError } from '../errors/index.js';

/** What the server needs to know about the agency it serves. */
export interface SiteSettings {
  /** The agency, e.g. «خبرگزاری آران»: default agency of demo stories, feed author, site title. */
  agency: string;
  /** The site's name in the header and titles (defaults to the agency). */
  siteName: string;
  /** Services in the order the navigation shows them; services not listed follow by story count. */
  services: string[];
  /** Absolute URL the site is reached at, without a trailing slash (feeds and ninjs links need it). */
  baseUrl: string;
}

/** The default agency: the seed story's. */
export const DEFAULT_AGENCY = 'خبرگزاری آران';

/** Settings from partial input; checks the base URL. */
export function siteSettings(input: Partial<SiteSettings> & { baseUrl: string }): SiteSettings {
  let url: URL;
  try {
    url = new URL(input.baseUrl);
  } catch {
    throw new KhabarError('INVALID_OPTION', `base URL must be an absolute http(s) URL, got ${JSON.stringify(input.baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KhabarError('INVALID_OPTION', `base URL must use http or https, got ${url.protocol}`);
  }
  const agency = input.agency?.trim() || DEFAULT_AGENCY;
  return {
    agency,
    siteName: input.siteName?.trim() || agency,
    services: (input.services ?? []).map((s) => s.trim()).filter(Boolean),
    baseUrl: url.href.replace(/\/+$/, ''),
  };
}
