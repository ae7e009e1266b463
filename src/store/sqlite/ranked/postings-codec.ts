/**
 * The byte format of one posting list: for each story, in ascending id order, a varint of the id's
 * distance from the previous id (from 0 for the first) and a varint of its term frequencies packed as
 * `bodyTf * 4 + min(headTf, 3)`. Varints are little-endian base-128 (7 bits per byte, high bit = more).
 * A list of a 1,000-story batch is mostly one byte per field; the common case decodes without branches
 * beyond the continuation test.
 */

/** Largest head frequency kept exactly: a headline repeats a word at most a few times. */
export const MAX_HEAD_TF = 3;
/** Largest body frequency kept exactly; BM25 saturates long before. */
export const MAX_BODY_TF = 2 ** 19 - 1;

/** 2^shift by shift: a table read is cheaper than `2 ** shift` in the decode loop. */
const VARINT_SCALE = Float64Array.from({ length: 64 }, (_, i) => 2 ** i);

/** A growable byte buffer for encoding. */
class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(value: number): void {
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  bytes(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }
}

/** Packs a story's frequencies of one term: body and lead occurrences, headline occurrences. */
export function packTf(headTf: number, bodyTf: number): number {
  // Capped so that a packed frequency stays below 2^21 (segment-merge.ts packs it beside the id).
  return Math.min(bodyTf, MAX_BODY_TF) * 4 + Math.min(headTf, MAX_HEAD_TF);
}

/** The headline part of a packed frequency. */
export function headTfOf(packed: number): number {
  return packed & 3;
}

/** The body part of a packed frequency. */
export function bodyTfOf(packed: number): number {
  return packed >>> 2;
}

/**
 * Encodes a posting list.
 * @param ids story ids, strictly ascending
 * @param tfs packed frequencies ({@link packTf}), one per id
 */
export function encodePostings(ids: ArrayLike<number>, tfs: ArrayLike<number>, count = ids.length): Buffer {
  const w = new ByteWriter();
  let prev = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if (id <= prev && i > 0) throw new Error(`posting ids must ascend: ${id} after ${prev}`);
    w.varint(id - prev);
    w.varint(tfs[i]!);
    prev = id;
  }
  return w.bytes();
}

/** Decoded postings in caller-owned arrays; grows them when needed. */
export interface PostingsScratch {
  ids: Int32Array;
  tfs: Int32Array;
}

/** Fresh scratch arrays. */
export function newScratch(size = 1024): PostingsScratch {
  return { ids: new Int32Array(size), tfs: new Int32Array(size) };
}

/**
 * Decodes `bytes` into `out` starting at `at`; returns the new end. The arrays grow as needed (a list
 * never holds more postings than bytes / 2).
 */
export function decodePostings(bytes: Uint8Array, out: PostingsScratch, at = 0): number {
  const need = at + (bytes.length >>> 1) + 1;
  if (out.ids.length < need) {
    let size = Math.max(out.ids.length * 2, 16);
    while (size < need) size *= 2;
    const ids = new Int32Array(size);
    ids.set(out.ids.subarray(0, at));
    const tfs = new Int32Array(size);
    tfs.set(out.tfs.subarray(0, at));
    out.ids = ids;
    out.tfs = tfs;
  }
  const ids = out.ids;
  const tfs = out.tfs;
  let n = at;
  let id = 0;
  let p = 0;
  const end = bytes.length;
  while (p < end) {
    let b = bytes[p++]!;
    let v = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[p++]!;
      v += (b & 0x7f) * VARINT_SCALE[shift]!;
      shift += 7;
    }
    id += v;
    b = bytes[p++]!;
    let tf = b & 0x7f;
    shift = 7;
    while (b & 0x80) {
      b = bytes[p++]!;
      tf += (b & 0x7f) * VARINT_SCALE[shift]!;
      shift += 7;
    }
    ids[n] = id;
    tfs[n] = tf;
    n++;
  }
  return n;
}

/**
 * Decodes one segment's list into `out` at `at` and keeps only the live postings: those of stories whose
 * live postings are in this segment (`owner[id] === segment`). Returns the new end.
 */
export function decodeLivePostings(bytes: Uint8Array, out: PostingsScratch, at: number, owner: Int32Array, segment: number): number {
  const end = decodePostings(bytes, out, at);
  const { ids, tfs } = out;
  let n = at;
  for (let i = at; i < end; i++) {
    const id = ids[i]!;
    if (owner[id] === segment) {
      ids[n] = id;
      tfs[n] = tfs[i]!;
      n++;
    }
  }
  return n;
}
