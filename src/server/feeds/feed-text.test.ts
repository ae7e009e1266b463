/** Escaping and date formats of the feed writers. */
import { describe, expect, it } from 'vitest';
import { element, htmlText, rfc3339, rfc822, xmlAttr, xmlPlainText, xmlSafe, xmlText } from './feed-text.js';

describe('feed text', () => {
  it('escapes markup and CDATA ends, drops what XML forbids, keeps Persian text as it is', () => {
    const persian = 'می\u200Cخواهد \u202Eبین\u200Cالملل\u202C ۱۴۰۴';
    expect(xmlText(`${persian} <a href="x">&amp;</a> ]]> \u0000\u0007\uFFFE\r`)).toBe(
      `${persian} &lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; ]]&gt; &#xD;`);
    expect(xmlAttr('a\tb\nc"<')).toBe('a&#x9;b&#xA;c&quot;&lt;');
    expect(xmlPlainText('<b> & ]]>')).toBe('&#x3C;b&#x3E; &#x26; ]]&#x3E;');
    expect(htmlText('<b>"&"</b>')).toBe('&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;');
    expect(xmlSafe('a\u0001b\uD800c😀')).toBe('abc😀'); // a lone surrogate goes, a pair stays
    expect(element('category', { term: '<x & "y">' })).toBe('<category term="&lt;x &amp; &quot;y&quot;&gt;"/>');
    expect(element('title', {}, 'a<b')).toBe('<title>a&lt;b</title>');
  });

  it('writes RFC 822 and RFC 3339 dates in UTC with ASCII digits', () => {
    const d = new Date('2025-09-05T12:56:00+03:30');
    expect(rfc822(d)).toBe('Fri, 05 Sep 2025 09:26:00 GMT');
    expect(rfc3339(d)).toBe('2025-09-05T09:26:00Z');
    expect(rfc3339(new Date('2025-09-05T09:26:00.250Z'))).toBe('2025-09-05T09:26:00.250Z');
  });
});
