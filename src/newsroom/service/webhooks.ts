/**
 * Webhook subscribers (admin only). A new subscriber starts at the current end of the wire (it gets what
 * is published from now on, not the whole archive); its secret is shown only when it is created.
 */
import { KhabarError } from '../../errors/index.js';
import type { User, Webhook } from '../../store/index.js';
import { authorize } from '../policy/permissions.js';
import { checkId, type ServiceContext } from './context.js';

/** A webhook as listed: everything but the secret. */
export type WebhookInfo = Omit<Webhook, 'secret'>;

/** The webhook actions. */
export interface WebhookActions {
  /** A new subscriber: `url` http(s), `secret` 16–200 characters (the HMAC-SHA256 key). */
  createWebhook(actor: User | undefined, url: string, secret: string): Promise<WebhookInfo>;
  listWebhooks(actor: User | undefined): Promise<WebhookInfo[]>;
  deleteWebhook(actor: User | undefined, id: number): Promise<void>;
}

const hide = ({ secret: _secret, ...rest }: Webhook): WebhookInfo => rest;

/** The webhook actions over `ctx`. */
export function webhookActions(ctx: ServiceContext): WebhookActions {
  const { nr } = ctx;
  return {
    async createWebhook(actor, url, secret) {
      authorize(actor, 'webhook.manage');
      let parsed: URL | undefined;
      try {
        parsed = typeof url === 'string' && url.length <= 2000 ? new URL(url) : undefined;
      } catch {
        parsed = undefined;
      }
      if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
        throw new KhabarError('INVALID_INPUT', 'url must be an http or https URL of at most 2000 characters, without credentials', { field: 'url' });
      }
      if (typeof secret !== 'string' || secret.length < 16 || secret.length > 200) {
        throw new KhabarError('INVALID_INPUT', 'secret must be 16–200 characters (the HMAC-SHA256 key subscribers verify with)', { field: 'secret' });
      }
      const cursor = await ctx.store.lastWireSeq();
      const hook = await nr.createWebhook({ url: parsed.toString(), secret, cursor });
      await ctx.audit({ action: 'webhook.create', userId: actor.id, detail: { id: hook.id, url: hook.url } });
      return hide(hook);
    },

    async listWebhooks(actor) {
      authorize(actor, 'webhook.manage');
      return (await nr.listWebhooks()).map(hide);
    },

    async deleteWebhook(actor, id) {
      authorize(actor, 'webhook.manage');
      checkId(id, 'webhook id');
      if (!(await nr.getWebhook(id))) throw new KhabarError('NOT_FOUND', `no webhook ${id}`, { webhookId: id });
      await nr.deleteWebhook(id);
      await ctx.audit({ action: 'webhook.delete', userId: actor.id, detail: { id } });
    },
  };
}
