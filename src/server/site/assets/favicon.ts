/**
 * The site icon: the letter «خ» on the brand colour, as SVG. Served as a file (and at /favicon.ico,
 * which browsers ask for on their own) so that no page logs a 404 for it.
 */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`
  + `<rect width="64" height="64" rx="12" fill="#0d4a6b"/>`
  + `<text x="32" y="44" font-family="Vazirmatn, Tahoma, sans-serif" font-size="36" font-weight="700" fill="#fff" text-anchor="middle">خ</text>`
  + `</svg>`;
