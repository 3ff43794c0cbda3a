/** Untrusted text on its way into SVG/HTML: the project's sanitiser first, then XML escaping. */
import { sanitizeInline } from '../text/sanitize.js';

// Characters XML 1.0 forbids even as references: lone surrogates and U+FFFE/U+FFFF (the C0
// controls are already replaced by sanitizeInline).
const XML_INVALID = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/** Escapes &, <, >, " and ' for element content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** sanitizeInline (escape sequences, bidi overrides, controls removed) then XML-escaped. */
export function safeText(text: string): string {
  return xmlEscape(sanitizeInline(text));
}

/** The sanitised text without escaping, for measuring and wrapping before output. */
export function cleanText(text: string): string {
  return sanitizeInline(text).replace(XML_INVALID, '\ufffd');
}

/** One line of display text: sanitised, whitespace runs collapsed, trimmed. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** cleanLine, XML-escaped. */
export function safeLine(text: string): string {
  return xmlEscape(cleanLine(text));
}
