/**
 * The newsroom service (issue #6): every action people take in the newsroom, each one checked with
 * {@link authorize} on the server whatever the client showed, moved through the workflow's state
 * machine, and written with what was read as the store's expectation, so that races are refused and
 * no change is lost silently. The HTTP API and the newsroom UI both call this and nothing else.
 */
import { authActions, type AuthActions } from './auth.js';
import { createContext, type NewsroomOptions } from './context.js';
import { deskActions, type DeskActions } from './desks.js';
import { itemActions, type ItemActions } from './items.js';
import { lockActions, type LockActions } from './locks.js';
import { userActions, type UserActions } from './users.js';
import { webhookActions, type WebhookActions } from './webhooks.js';
import { workflowActions, type WorkflowActions } from './workflow-actions.js';

/** Every newsroom action; each takes the acting user (undefined: not logged in) first. */
export interface Newsroom extends AuthActions, UserActions, DeskActions, Omit<ItemActions, 'view'>, WorkflowActions, LockActions, WebhookActions {
  /** An item as `actor` sees it (lock holder named, permitted actions). */
  viewItem: ItemActions['view'];
  /** The agency new stories are filed under. */
  readonly agency: string;
}

/** The newsroom over a store. */
export function createNewsroom(options: NewsroomOptions): Newsroom {
  const ctx = createContext(options);
  const items = itemActions(ctx);
  const { view, ...itemRest } = items;
  return {
    ...authActions(ctx),
    ...userActions(ctx),
    ...deskActions(ctx),
    ...itemRest,
    ...workflowActions(ctx, items),
    ...lockActions(ctx, items),
    ...webhookActions(ctx),
    viewItem: view,
    agency: ctx.agency,
  };
}
