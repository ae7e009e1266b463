export { KhabarError, ERROR_CODES, isKhabarError, describeType } from './khabar-error.js';
export type { KhabarErrorCode } from './khabar-error.js';
