/**
 * The stem pairs of common verbs, hand-written from Persian grammar (the irregular verbs of Lazard,
 * *Grammaire du persan contemporain*, annexe, plus frequent regular ones). The lexicon's verb table
 * also holds rare and archaic pairs that share a stem with these (کند#کن beside کرد#کن, برید#بر
 * beside برد#بر, گذارد#گذار beside گذاشت#گذار); when a form fits both, the pair listed here wins.
 */
const PAIRS = `
کرد#کن شد#شو بود#باش داشت#دار داد#ده گفت#گو آمد#آ رفت#رو زد#زن گرفت#گیر دید#بین دانست#دان
توانست#توان خواست#خواه گذاشت#گذار آورد#آور برد#بر کشید#کش نمود#نما نشست#نشین خورد#خور یافت#یاب
رسید#رس ساخت#ساز شناخت#شناس نوشت#نویس ماند#مان فرمود#فرما افتاد#افت گشت#گرد جست#جو نهاد#نه
شکست#شکن بست#بند پرداخت#پرداز انداخت#انداز خواند#خوان ایستاد#ایست گذشت#گذر آموخت#آموز
فروخت#فروش سوخت#سوز دوخت#دوز ریخت#ریز گریخت#گریز پخت#پز شنید#شنو نگریست#نگر زیست#زی
پنداشت#پندار آراست#آرا افزود#افزا گشود#گشا ربود#ربا آزمود#آزما پیمود#پیما ستود#ستا
زدود#زدا آسود#آسا بخشید#بخش پوشید#پوش کوشید#کوش ترسید#ترس پرسید#پرس خرید#خر
آفرید#آفرین چید#چین گزید#گزین خاست#خیز نشاند#نشان رساند#رسان گشت#گرد
آویخت#آویز انگیخت#انگیز آمیخت#آمیز سپرد#سپار شمرد#شمار زاد#زا بافت#باف
تافت#تاب شتافت#شتاب کوفت#کوب خفت#خواب گفت#گو نواخت#نواز باخت#باز تاخت#تاز
`;

/** Canonical `past#present` pairs of common verbs. */
export const COMMON_VERB_PAIRS: ReadonlySet<string> = new Set(PAIRS.split(/\s+/).filter((p) => p !== ''));
