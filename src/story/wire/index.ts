export { parseWire, parseBlocks } from './parse-wire.js';
export type { ParsedWire, ParseWireOptions, WireWarning } from './parse-wire.js';
export { parseWireStream } from './parse-wire-stream.js';
export type { StreamItem } from './parse-wire-stream.js';
export { writeWire, DEFAULT_CREDIT_SEPARATOR } from './write-wire.js';
export { WIRE_TEXT_LIMIT, WIRE_STREAM_LIMIT } from './wire-blocks.js';
