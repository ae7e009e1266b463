/**
 * The newsroom's own styles, on top of the site's stylesheet (which gives the font, colours, header,
 * skip link and focus ring). Colours are the site's (WCAG 2.2 SC 1.4.3 ≥ 4.5:1): ink #1b1f24, muted
 * #4f5864, links #0b5394 on white; deletions #8a1c12 on #fde8e6 (7.9:1), insertions #0f5323 on #e3f4e7
 * (8.6:1), the warning box #6b4400 on #fff4d6 (7.0:1). Tables scroll inside their own box, so a 375 px
 * viewport never scrolls sideways.
 */
export const NEWSROOM_CSS = `.nr-user{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .8rem;font-size:.95rem}
.nr-user form{margin:0}
.nr-user button,.nr-linkbutton{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:.1rem .6rem;font:inherit;cursor:pointer}
.nr-main{padding-top:1rem;padding-bottom:2rem}
.nr-msg{border-inline-start:4px solid var(--brand);background:#eef4f8;padding:.6rem 1rem;margin:0 0 1rem;border-radius:4px}
.nr-msg.error{border-color:#b42318;background:#fde8e6;color:#5c130c}
.nr-msg.warn{border-color:#b45309;background:#fff4d6;color:#6b4400}
.nr-table-wrap{overflow-x:auto;max-width:100%;margin-bottom:1.5rem}
.nr-table{border-collapse:collapse;width:100%;font-size:.95rem}
.nr-table th,.nr-table td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:start;vertical-align:top}
.nr-table th{background:var(--card);font-weight:700}
.nr-queue h2{margin-top:1.5rem}
.nr-empty{color:var(--muted)}
.nr-form{display:grid;gap:.9rem;max-width:48rem}
.nr-form label{display:block;font-weight:700;margin-bottom:.2rem}
.nr-form input[type=text],.nr-form input[type=password],.nr-form select,.nr-form textarea{width:100%;font:inherit;padding:.4rem .5rem;border:1px solid #6b7480;border-radius:4px;color:var(--ink);background:#fff}
.nr-form textarea{min-height:6rem;line-height:1.9}
.nr-form textarea#f-body{min-height:16rem}
.nr-hint{color:var(--muted);font-size:.9rem;margin:.2rem 0 0}
.nr-actions{display:flex;flex-wrap:wrap;gap:.5rem}
.nr-actions button,.nr-button{font:inherit;padding:.35rem 1rem;border-radius:4px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer}
.nr-actions button.secondary{background:#fff;color:var(--brand)}
.nr-actions button.danger{background:#b42318;border-color:#b42318}
.nr-box{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;max-width:48rem}
.nr-box h2{font-size:1.1rem}
.nr-wire{white-space:pre-wrap;font-family:inherit;background:var(--card);padding:.75rem;border-radius:4px;margin:0;overflow-wrap:anywhere}
.nr-diff del{background:#fde8e6;color:#8a1c12;text-decoration:line-through}
.nr-diff ins{background:#e3f4e7;color:#0f5323;text-decoration:underline}
.nr-diff dt{font-weight:700;margin-top:.5rem}
.nr-diff dd{margin:0 0 .5rem}
.nr-lock{font-weight:700}
.nr-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
.nr-facts dt{font-weight:700;color:var(--muted)}
.nr-facts dd{margin:0}
.nr-filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
.nr-filter label{font-weight:700}
.nr-filter select{font:inherit;padding:.2rem .4rem}
.nr-pager{display:flex;gap:1rem}
.nr-login{max-width:24rem}
`;
