/**
 * Persian words of the newsroom UI: states, actions, roles, and the Persian form of the service's
 * errors (the service speaks English to programs; people in the newsroom read Persian).
 */
import type { KhabarError } from '../../errors/index.js';
import type { NewsroomAction } from '../../newsroom/index.js';
import type { ItemState, Role } from '../../store/index.js';

/** Queue headings, in workflow order. */
export const STATE_LABELS: Readonly<Record<ItemState, string>> = {
  draft: 'پیش‌نویس',
  submitted: 'ارسال‌شده برای دبیر',
  returned: 'بازگشته به خبرنگار',
  scheduled: 'زمان‌بندی‌شده',
  published: 'منتشرشده',
  killed: 'باطل‌شده',
};

/** Role names. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reporter: 'خبرنگار',
  editor: 'دبیر سرویس',
  chief: 'سردبیر',
  admin: 'مدیر سامانه',
};

/** Button labels of the editor's operations. */
export const OP_LABELS = {
  save: 'ذخیره',
  normalize: 'اعمال همهٔ پیشنهادها',
  submit: 'ارسال برای دبیر',
  return: 'بازگرداندن به خبرنگار (با یادداشت)',
  publish: 'انتشار',
  schedule: 'زمان‌بندی انتشار',
  unschedule: 'لغو زمان‌بندی',
  correct: 'انتشار اصلاحیه (با یادداشت)',
  kill: 'ابطال خبر (با یادداشت)',
  'break-lock': 'شکستن قفل ویرایش',
  unlock: 'پایان ویرایش و آزاد کردن قفل',
} as const;
/** An operation the editor form posts (`op`). */
export type EditorOp = keyof typeof OP_LABELS;

/** What the page says after a successful operation (`?done=`): fixed texts, never user input. */
export const DONE_MESSAGES: Readonly<Record<string, string>> = {
  created: 'خبر ساخته و ذخیره شد.',
  save: 'تغییرات ذخیره شد.',
  normalize: 'پیشنهادهای ویراستار اعمال و ذخیره شد.',
  submit: 'خبر برای دبیر سرویس ارسال شد.',
  return: 'خبر با یادداشت به خبرنگار بازگردانده شد.',
  publish: 'خبر منتشر شد.',
  schedule: 'انتشار خبر زمان‌بندی شد.',
  unschedule: 'زمان‌بندی لغو شد.',
  correct: 'اصلاحیه منتشر شد.',
  kill: 'خبر باطل شد و از سایت، خوراک‌ها و جستجو برداشته شد.',
  'break-lock': 'قفل ویرایش شکسته شد؛ اکنون قفل در دست شماست.',
  unlock: 'قفل ویرایش آزاد شد.',
};

/** Revision and audit actions as people read them. */
export const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  create: 'ساخت', save: 'ذخیره', submit: 'ارسال برای دبیر', return: 'بازگرداندن', schedule: 'زمان‌بندی',
  unschedule: 'لغو زمان‌بندی', publish: 'انتشار', correct: 'اصلاحیه', kill: 'ابطال',
  login: 'ورود', 'login-failed': 'ورود ناموفق', 'login-throttled': 'ورود مسدود (تلاش‌های زیاد)', logout: 'خروج',
  'logout-all': 'خروج از همهٔ دستگاه‌ها', 'item.create': 'ساخت خبر', 'item.save': 'ذخیرهٔ خبر', 'item.submit': 'ارسال برای دبیر',
  'item.return': 'بازگرداندن به خبرنگار', 'item.publish': 'انتشار', 'item.schedule': 'زمان‌بندی', 'item.unschedule': 'لغو زمان‌بندی',
  'item.correct': 'اصلاحیه', 'item.kill': 'ابطال', 'lock.break': 'شکستن قفل', 'user.create': 'ساخت کاربر', 'user.update': 'تغییر کاربر',
  'desk.create': 'ساخت سرویس', 'desk.editors': 'تعیین دبیران سرویس', 'webhook.create': 'افزودن وب‌هوک', 'webhook.delete': 'حذف وب‌هوک',
};

/** What a denied action is, in Persian («انتشار خبر»), for the 403 page. */
export const ACTION_LABELS: Readonly<Record<NewsroomAction, string>> = {
  'item.create': 'ثبت خبر تازه', 'item.read': 'خواندن این خبر', 'item.save': 'ذخیرهٔ این خبر', 'item.submit': 'ارسال این خبر برای دبیر',
  'item.return': 'بازگرداندن خبر به خبرنگار', 'item.publish': 'انتشار این خبر', 'item.schedule': 'زمان‌بندی انتشار این خبر',
  'item.unschedule': 'لغو زمان‌بندی این خبر', 'item.correct': 'انتشار اصلاحیه', 'item.kill': 'ابطال خبر',
  'lock.take': 'گرفتن قفل ویرایش این خبر', 'lock.break': 'شکستن قفل ویرایش دیگران', 'audit.read': 'دیدن گزارش رویدادها',
  'user.create': 'ساخت کاربر', 'user.update': 'تغییر کاربران', 'user.list': 'دیدن فهرست کاربران', 'desk.create': 'ساخت سرویس',
  'desk.editors': 'تعیین دبیران سرویس', 'settings.update': 'تغییر تنظیمات', 'webhook.manage': 'مدیریت وب‌هوک‌ها',
};

/** Persian names of the story fields the service names in INVALID_INPUT. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  headline: 'تیتر', lead: 'لید', body: 'متن', keywords: 'برچسب‌ها', urgency: 'فوریت', note: 'یادداشت', scheduledAt: 'زمان انتشار',
  revision: 'نسخه', deskId: 'سرویس',
};

/** A Persian sentence for a refused editor operation; `lockHolder` names who holds the lock. */
export function persianError(e: KhabarError, lockHolder?: string): string {
  const d = e.details ?? {};
  if (e.code === 'CONFLICT') {
    if (d['lockedBy'] !== undefined) return `این خبر در حال ویرایش توسط «${lockHolder ?? '?'}» است؛ تغییر شما ذخیره نشد. متن شما در فرم زیر حفظ شده است.`;
    if (d['revision'] !== undefined) {
      return 'این خبر پس از آنکه شما آن را باز کردید، توسط کس دیگری تغییر کرده است؛ تغییر شما ذخیره نشد. متن شما در فرم زیر حفظ شده است: نسخهٔ تازه را در «تاریخچه» ببینید، و اگر باز هم ذخیره کنید متن شما جای آن را می‌گیرد.';
    }
    if (d['state'] !== undefined) return `این کار در وضعیت کنونی خبر («${STATE_LABELS[d['state'] as ItemState] ?? String(d['state'])}») ممکن نیست.`;
    return 'این کار با وضعیت کنونی خبر سازگار نیست؛ صفحه را دوباره باز کنید.';
  }
  if (e.code === 'INVALID_INPUT') {
    const field = typeof d['field'] === 'string' ? d['field'] : undefined;
    if (field === 'note') return 'برای این کار یادداشت لازم است: بنویسید چرا (یا چه چیزی اصلاح شده است).';
    if (field === 'scheduledAt') return 'زمان انتشار باید تاریخ و ساعتی در آینده باشد، مثلاً «۱۴۰۴/۰۶/۱۴ ۱۲:۳۰» یا 2025-09-05T09:26:00+03:30.';
    if (field === 'headline' && /required/.test(e.message)) return 'تیتر لازم است.';
    const label = field ? FIELD_LABELS[field] ?? field : undefined;
    return label ? `مقدار «${label}» پذیرفته نیست (${e.message}).` : `ورودی پذیرفته نیست (${e.message}).`;
  }
  return e.message;
}
