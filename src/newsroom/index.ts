/**
 * The newsroom: who may do what, the item workflow, passwords and tokens, version diffs (issue #6).
 */
export { NEWSROOM_ACTIONS, PERMISSIONS, can, authorize, permittedActions, editsDesk } from './policy/permissions.js';
export type { NewsroomAction, Grant, GrantScope, PermissionContext, PermissionMatrix } from './policy/permissions.js';
export { WORKFLOW_ACTIONS, TRANSITIONS, NOTE_REQUIRED, MAX_NOTE_LENGTH, nextState, fromStates, availableActions } from './policy/workflow.js';
export type { WorkflowAction, WorkflowInput, WorkflowItem } from './policy/workflow.js';
export { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS, SALT_BYTES, KEY_BYTES } from './security/password.js';
export type { ScryptParams } from './security/password.js';
export { checkPasswordPolicy, PASSWORD_POLICY } from './security/password-policy.js';
export type { PasswordPolicyContext } from './security/password-policy.js';
export { createSessionToken, createCsrfToken, hashSessionToken, isTokenShaped, tokensEqual, TOKEN_BYTES } from './security/tokens.js';
export { loginThrottle, assertLoginAllowed, loginWindowStart, loginThrottleKeys, LOGIN_THROTTLE } from './security/login-throttle.js';
export type { LoginThrottlePolicy, LoginFailures, LoginThrottleDecision } from './security/login-throttle.js';
export { diffWords, diffTokens, diffSide, isUnchanged } from './diff/word-diff.js';
export type { DiffOp, DiffRun } from './diff/word-diff.js';
export { diffStories, diffParagraphs, PARAGRAPH_SIMILARITY } from './diff/story-diff.js';
export type { StoryDiff, ParagraphDiff, KeywordDiff } from './diff/story-diff.js';
export { diffSequences, diffIds, DEFAULT_DIFF_COST } from './diff/myers.js';
export type { SequenceEdit, DiffOptions } from './diff/myers.js';
export { createWebhookDispatcher, deliveryBody, signDelivery, backoffDelay } from './distribution/webhook-dispatcher.js';
export type { WebhookDispatcher, DispatcherOptions } from './distribution/webhook-dispatcher.js';
export { createNewsroom } from './service/newsroom.js';
export type { Newsroom } from './service/newsroom.js';
export { DEFAULT_NEWSROOM_AGENCY } from './service/context.js';
export type { NewsroomOptions } from './service/context.js';
export type { LoginResult, Authenticated } from './service/auth.js';
export type { NewUser, UserPatch } from './service/users.js';
export type { WebhookInfo } from './service/webhooks.js';
export type { DraftInput } from './service/draft-input.js';
export { readDraftInput } from './service/draft-input.js';
export type { ItemView, ItemQuery } from './service/items.js';
export { ITEM_LIST_MAX } from './service/items.js';
export type { MoveOptions } from './service/workflow-actions.js';
export type { LockResult } from './service/locks.js';
export { startScheduler } from './service/scheduler.js';
export type { SchedulerOptions, RunningScheduler } from './service/scheduler.js';
