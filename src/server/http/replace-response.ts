/** Replacing a response from middleware. */
import type { Context } from 'hono';

/**
 * Makes `res` the response, as it is. Hono's `c.res` setter copies every header of the response it
 * replaces onto the new one — a handler's Content-Length over a compressed body, its Vary over ours, all
 * of them onto a 304 — unless the old response is cleared first.
 */
export function replaceResponse(c: Context, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}
