/** XML/HTML escaping: what XML 1.0 forbids is dropped, markup characters escaped, CR kept as a reference. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, escapeXmlText, isXmlSafe, renderParagraphsHtml, stripInvalidXmlChars, xmlElement } from './index.js';

describe('xml helpers', () => {
  it('drops characters XML 1.0 forbids and keeps the rest', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008\u000B\u000C\u001Fc\t\n\r\uFFFE\uFFFF\uD800d😀\u200F')).toBe('abc\t\n\rd😀\u200F');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => isXmlSafe(stripInvalidXmlChars(s))));
  });

  it('escapes text and attributes', () => {
    expect(escapeXmlText('<a href="x">&</a>]]>\r\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;]]&gt;&#xD;\n');
    expect(escapeXmlAttr('a\tb\nc"')).toBe('a&#x9;b&#xA;c&quot;');
    expect(xmlElement('x', { a: 'ب"', b: undefined, c: 3 }, escapeXmlText('متن <'))).toBe('<x a="ب&quot;" c="3">متن &lt;</x>');
    expect(xmlElement('y')).toBe('<y/>');
  });

  it('renders paragraphs, with the credit in a span or a paragraph of its own', () => {
    expect(renderParagraphsHtml(['یک', 'دو <'], { credit: 'آران', creditSeparator: ': ' }))
      .toBe('<p dir="rtl"><span class="credit">آران</span>: یک</p>\n<p dir="rtl">دو &lt;</p>');
    expect(renderParagraphsHtml([], { credit: 'آران' })).toBe('<p dir="rtl" class="credit">آران</p>');
    expect(renderParagraphsHtml(['\u0001'])).toBe('<p dir="rtl"></p>');
    expect(renderParagraphsHtml(['\u0001'], { xmlSafe: false })).toBe('<p dir="rtl">\u0001</p>');
  });
});
