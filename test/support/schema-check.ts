/** Checking JSON answers against the JSON Schemas of the OpenAPI document (ajv, draft 2020-12, formats). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats.default(ajv);
// Schemas are compiled once each (the walkers check many answers against few schemas).
const compiled = new Map<object, ValidateFunction>();

/** The first schema errors of `data` against `schema` as text, or undefined when it validates. */
export function schemaError(schema: object, data: unknown): string | undefined {
  let v = compiled.get(schema);
  if (v === undefined) compiled.set(schema, (v = ajv.compile(schema)));
  return v(data) ? undefined : JSON.stringify(v.errors?.slice(0, 3));
}
