/**
 * The part of IPTC ninjs 2.2 (../shared/standards/ninjs/ninjs-schema_2.2.json) that khabar writes.
 * Property names are the schema's (all lower case). The schema closes the object with
 * `unevaluatedProperties: false`, so khabar's own fields travel in the schema's open slots (roles of
 * `descriptions`, `subjects[].rel`, `altids`, `infosources`), never in invented properties.
 */

/** A headline, description or body: the schema's `{ role?, contenttype?, value }` shape. */
export interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
}

/** An entry of `subjects` (schema: name, rel, uri, literal, creator, relevance, confidence). */
export interface NinjsSubject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

/** An entry of `infosources` (schema: name, role, uri, literal, contactinfo). */
export interface NinjsInfoSource {
  name?: string;
  role?: string;
  uri?: string;
  literal?: string;
}

/** An entry of `altids` (schema: role, value). */
export interface NinjsAltId {
  role?: string;
  value?: string;
}

/** The `standard` object (schema 1.3+): which standard and schema the document follows. */
export interface NinjsStandard {
  name?: string;
  version?: string;
  schema?: string;
}

/** A ninjs 2.2 document as khabar writes it. Every value here validates against the 2.2 schema. */
export interface NinjsDocument {
  /** Absolute URI (schema `format: uri`); see `toNinjsUri` for stories whose uri is not one. */
  uri: string;
  type: 'text';
  /** The version number as a string (schema: `version` is a string). */
  version: string;
  firstcreated?: string;
  versioncreated?: string;
  /** Not to be published before this RFC 3339 date-time. */
  embargoed?: string;
  pubstatus: 'usable' | 'withheld' | 'canceled';
  urgency?: number;
  language: string;
  headlines: NinjsText[];
  descriptions?: NinjsText[];
  bodies?: NinjsText[];
  ednote?: string;
  by?: string;
  located?: string;
  subjects?: NinjsSubject[];
  infosources?: NinjsInfoSource[];
  altids?: NinjsAltId[];
  standard: NinjsStandard;
}
