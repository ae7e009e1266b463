/** `/newsroom/login`: the login form (labels, autocomplete hints, the error said in Persian). */
import type { Context } from 'hono';
import { NrLayout } from '../components/layout.js';
import { sendHtml } from '../send.js';
import type { UiContext } from '../ui-context.js';

/** What the form shows again after a failed attempt. */
export interface LoginState {
  username?: string;
  next?: string;
  error?: string;
  info?: string;
}

/** The login page. */
export function loginPage(c: Context, ctx: UiContext, s: LoginState = {}, status = 200): Response {
  return sendHtml(c, (
    <NrLayout ctx={ctx} title="ورود">
      <h1>ورود به اتاق خبر</h1>
      {s.error ? <p class="nr-msg error" role="alert" id="login-error">{s.error}</p> : null}
      {s.info ? <p class="nr-msg" role="status">{s.info}</p> : null}
      <form class="nr-form nr-login" method="post" action="/newsroom/login">
        <input type="hidden" name="next" value={s.next ?? '/newsroom'} />
        <div>
          <label for="f-username">نام کاربری</label>
          <input type="text" id="f-username" name="username" value={s.username ?? ''} autocomplete="username" required dir="ltr"
            aria-describedby={s.error ? 'login-error' : undefined} />
        </div>
        <div>
          <label for="f-password">گذرواژه</label>
          <input type="password" id="f-password" name="password" autocomplete="current-password" required />
        </div>
        <div class="nr-actions"><button type="submit">ورود</button></div>
      </form>
    </NrLayout>
  ), status);
}
