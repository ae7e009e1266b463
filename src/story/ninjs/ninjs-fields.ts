/**
 * Type-checked access to the fields of an untrusted ninjs object, each error naming the field as a
 * path (`ninjs.headlines[0].value: expected a string, got number`).
 */
import { KhabarError, describeType } from '../../errors/index.js';

/** A plain JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Throws KhabarError INVALID_INPUT for `path`. */
export function invalid(path: string, message: string): never {
  throw new KhabarError('INVALID_INPUT', `${path}: ${message}`, { field: path });
}

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object, or an error naming `path`. */
export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) invalid(path, `expected an object, got ${describeType(value)}`);
  return value;
}

/** `obj[key]` as a string, undefined when absent, or an error naming the field. */
export function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') invalid(`${path}.${key}`, `expected a string, got ${describeType(value)}`);
  return value;
}

/** `obj[key]` as an array of objects (empty when absent), or an error naming the first bad entry. */
export function objectArray(obj: JsonObject, key: string, path: string): JsonObject[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(`${path}.${key}`, `expected an array, got ${describeType(value)}`);
  return value.map((item, i) => expectObject(item, `${path}.${key}[${i}]`));
}

/** `obj[key]` as an array of strings (empty when absent), or an error naming the first bad entry. */
export function stringArray(obj: JsonObject, key: string, path: string): string[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(`${path}.${key}`, `expected an array, got ${describeType(value)}`);
  return value.map((item, i) => {
    if (typeof item !== 'string') invalid(`${path}.${key}[${i}]`, `expected a string, got ${describeType(item)}`);
    return item;
  });
}

/**
 * A `{ role?, contenttype?, value }` entry (headlines, descriptions, bodies) with its value checked.
 */
export interface TextEntry {
  role: string | undefined;
  contenttype: string | undefined;
  value: string;
  path: string;
}

/** `obj[key]` as text entries, each with a string `value`. */
export function textEntries(obj: JsonObject, key: string, path: string): TextEntry[] {
  return objectArray(obj, key, path).map((entry, i) => {
    const at = `${path}.${key}[${i}]`;
    const value = entry.value;
    if (typeof value !== 'string') invalid(`${at}.value`, `expected a string, got ${describeType(value)}`);
    return {
      role: optionalString(entry, 'role', at),
      contenttype: optionalString(entry, 'contenttype', at),
      value,
      path: at,
    };
  });
}
