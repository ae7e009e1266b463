/** Options of `toNewsML`. */

/** A party or concept as NewsML-G2 identifies it (NewsML-G2 2.35 `flexAttributes`). */
export interface NewsMLConceptRef {
  /** A QCode, `alias:code`, whose alias a catalog declares. */
  qcode?: string;
  /** An IRI. */
  uri?: string;
  /** A display name (written as `<name>`). */
  name?: string;
}

/** Options of `toNewsML`. */
export interface NewsMLOptions {
  /**
   * The item's provider (`itemMeta/provider`, required by the schema). Default: the story's agency as a
   * `literal` and `<name>`, else `khabar`. Agencies with an IPTC provider code pass `{ qcode: 'nprov:…' }`.
   */
  provider?: NewsMLConceptRef;
  /**
   * The QCode of the story's service (`itemMeta/service@qcode`). Default: `khsvc:` plus the service name
   * with spaces as `-`, the `khsvc` alias declared in the item's own catalog.
   */
  serviceQcode?: (service: string) => string;
  /** The IPTC catalog the IPTC QCodes (ninat, stat, sig, drol) resolve in. Default {@link IPTC_CATALOG}. */
  catalogHref?: string;
  /**
   * Base IRI of khabar's own schemes (`khsvc` services, `khid` identifier types), declared in an inline
   * `<catalog>`. Default {@link KHABAR_SCHEME_BASE}; an agency may use its own site, e.g. `https://aran.example/cv/`.
   */
  schemeBase?: string;
  /**
   * Mark this version a correction (`<signal qcode="sig:correction"/>`). The story model has no flag for
   * it; without this option a version above 1 carries `sig:update`.
   */
  correction?: boolean;
}

/** The IPTC G2 standards catalog, as the NewsML-G2 2.35 News Item example (LISTING 1) references it. */
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml';

/** Default base IRI of khabar's own QCode schemes. */
export const KHABAR_SCHEME_BASE = 'urn:khabar:cv:';
